using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>Enabling a disabled account again after a confirmation; its password is the one it had.</summary>
public sealed class EnableModel(OfficeUserStore users, OneTimeForms forms) : AccountForm(forms)
{
    public OfficeAccount Account { get; private set; } = null!;

    protected override string Purpose => $"office-account:enable:{Account.Id}";

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

    public IActionResult OnPost(long id)
    {
        if (users.Find(id) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        if (Ticket() is null)
        {
            return Page();
        }

        users.Enable(account.Name);
        Done = AccountTexts.Enabled(account.Name);
        return Page();
    }
}
