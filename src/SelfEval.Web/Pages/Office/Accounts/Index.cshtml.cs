using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>The office's accounts: who can sign in, who last did and when, and which accounts are disabled.</summary>
public sealed class IndexModel(OfficeUserStore users) : PageModel
{
    public IReadOnlyList<OfficeAccount> Accounts { get; private set; } = [];

    /// <summary>The signed-in user's own account, which they may not disable here.</summary>
    public long? Own { get; private set; }

    public void OnGet()
    {
        Accounts = users.List();
        Own = OfficeSessions.Id(User);
    }
}
