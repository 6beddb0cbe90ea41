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
public sealed class PasswordModel(OfficeUserStore users, OneTimeForms forms) : AccountForm(forms)
{
    private readonly OneTimeForms _forms = forms;

    public OfficeAccount Account { get; private set; } = null!;

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordRepeated { get; set; }

    protected override string Purpose => $"office-account:password:{Account.Id}";

    public IActionResult OnGet(long id)
    {
        if (users.Find(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        IssueNonce();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (users.Find(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        if (Ticket() is not { } ticket)
        {
            return Page();
        }

        var errors = new List<string>();
        if (NewPassword(Password, PasswordRepeated, errors) is not { } password)
        {
            Password = PasswordRepeated = null;
            return Refused(string.Join(" ", errors));
        }

        // Sent twice, the form sets the password once: the second sending would end the sessions begun since.
        _forms.Create(ticket, _ => users.Find(id) is not null, _ =>
        {
            users.ResetPassword(account.Name, password);
            return id;
        });
        if (OfficeSessions.Id(User) == id && users.Session(id) is { } own)
        {
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, OfficeSessions.Principal(own));
        }

        Done = AccountTexts.PasswordSet(account.Name);
        return Page();
    }
}
