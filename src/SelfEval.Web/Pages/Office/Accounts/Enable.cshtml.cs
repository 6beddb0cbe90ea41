using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>Enabling a disabled account again after a confirmation; its password is the one it had.</summary>
public sealed class EnableModel(OfficeUserStore users, OneTimeForms forms) : AccountPage(users, forms)
{
    protected override string Purpose => $"office-account:enable:{Account.Id}";

    public IActionResult OnGet(long id) => Opened(id);

    public IActionResult OnPost(long id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        var account = Account;
        if (Ticket() is null)
        {
            return Page();
        }

        Users.Enable(account.Name);
        Done = AccountTexts.Enabled(account.Name);
        return Page();
    }
}
