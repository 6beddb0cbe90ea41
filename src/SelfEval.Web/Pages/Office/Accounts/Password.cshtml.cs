using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>
/// A new password for an account, typed twice, with the command line's rule. It ends the account's sessions; for the
/// office member's own account, this browser is signed in again so they stay on the page they were on.
/// </summary>
public sealed class PasswordModel(OfficeUserStore users, OneTimeForms forms) : AccountPage(users, forms)
{
    private readonly OneTimeForms _forms = forms;

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordRepeated { get; set; }

    protected override string Purpose => $"office-account:password:{Account.Id}";

    public IActionResult OnGet(long id) => Opened(id);

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (Stopped(id) is { } stop)
        {
            return stop;
        }

        var errors = new List<string>();
        if (NewPassword(Password, PasswordRepeated, errors) is not { } password)
        {
            Password = PasswordRepeated = null;
            return Refused(string.Join(" ", errors));
        }

        // Sent twice, the form sets the password once: the second sending would end the sessions begun since.
        _forms.Create(Checked!, _ => Users.Find(id) is not null, _ =>
        {
            Users.ResetPassword(Account.Name, password);
            return id;
        });
        if (OfficeSessions.Id(User) == id && Users.Session(id) is { } own)
        {
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OfficeSessions.Principal(own));
        }

        Done = AccountTexts.PasswordSet(Account.Name);
        return Page();
    }
}
