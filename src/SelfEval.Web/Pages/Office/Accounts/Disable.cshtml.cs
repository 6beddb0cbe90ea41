using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>Disabling an account after a confirmation: its sessions end at once; nobody disables themselves or the last active account.</summary>
public sealed class DisableModel(OfficeUserStore users, OneTimeForms forms) : AccountPage(users, forms)
{
    protected override string Purpose => $"office-account:disable:{Account.Id}";

    public IActionResult OnGet(long id) => Opened(id);

    public IActionResult OnPost(long id)
    {
        if (Stopped(id) is { } stop)
        {
            return stop;
        }

        var change = Users.Disable(Account.Name, by: User.Identity?.Name ?? "?");
        return change switch
        {
            AccountChange.Done or AccountChange.Unchanged => Finish(AccountTexts.Disabled(Account.Name)),
            AccountChange.Self => Refused(AccountTexts.NotSelf),
            AccountChange.LastActive => Refused(AccountTexts.NotLast),
            AccountChange.Unknown => NotFound(),
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
    }

    private PageResult Finish(string message)
    {
        Done = message;
        return Page();
    }
}
