using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("login")]
public sealed class LoginModel(OfficeUserStore users) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var (outcome, user) = users.Verify(Name.Trim(), Password);
        if (outcome != LoginOutcome.Success)
        {
            Error = outcome == LoginOutcome.LockedOut
                ? $"Dieser Zugang ist nach mehreren Fehlversuchen für {OfficeUserStore.LockoutTime.TotalMinutes:0} Minuten gesperrt. Bitte versuchen Sie es später noch einmal."
                : "Name oder Passwort stimmen nicht.";
            Password = string.Empty;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user!.Name), new Claim("role", "servicestelle")], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/servicestelle", StringComparison.Ordinal) ? returnUrl : "/servicestelle");
    }

    public async Task<IActionResult> OnPostLogoutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/servicestelle/anmelden?abgemeldet=1");
    }
}
