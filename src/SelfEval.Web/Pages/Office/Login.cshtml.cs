using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("login")]
public sealed class LoginModel(OfficeUserStore users, LoginThrottle throttle) : PageModel
{
    /// <summary>
    /// One answer for an unknown name, a wrong password, a disabled account and a throttled client: it reveals nothing about
    /// accounts (a disabled account's own user learns the reason from the office, not from the login form).
    /// </summary>
    public const string Failed = "Die Anmeldung hat nicht geklappt. Bitte prüfen Sie Name und Passwort. Nach vielen Fehlversuchen ist die Anmeldung von Ihrem Internetanschluss aus für 15 Minuten gesperrt.";

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public OfficeNotice? Notice { get; private set; }

    public void OnGet(OfficeNotice? notice, string? abgemeldet) => Notice = OfficeNotices.FromOldQuery(notice, hinweis: null, abgemeldet);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var client = ClientAddress.Of(HttpContext);
        var throttled = throttle.IsThrottled(client);
        var user = throttled ? null : users.Verify(Name.Trim(), Password);
        if (user is null)
        {
            if (!throttled)
            {
                throttle.RecordFailure(client);
            }

            Error = Failed;
            Password = string.Empty;
            return Page();
        }

        users.RecordLogin(user.Id);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OfficeSessions.Principal(user));
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/servicestelle", StringComparison.Ordinal) ? returnUrl : "/servicestelle");
    }

    public async Task<IActionResult> OnPostLogoutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Office/Login", new { notice = OfficeNotice.LoggedOut });
    }
}
