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
        if (Stopped(id) is { } stop)
        {
            return stop;
        }

        Users.Enable(Account.Name);
        Done = AccountTexts.Enabled(Account.Name);
        return Page();
    }
}
