using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Pages.Office.Guides;

/// <summary>Discarding a draft after a confirmation: its text is gone afterwards (the published versions are not touched).</summary>
public sealed class DiscardModel(DraftStore drafts) : PageModel
{
    public Draft? Draft { get; private set; }

    public IActionResult OnGet(long id)
    {
        Draft = drafts.Get(id);
        return Page();
    }

    public IActionResult OnPostDiscard(long id)
    {
        // A second click finds nothing to delete and ends where the first one did.
        drafts.Delete(id);
        return RedirectToPage("Index", new { notice = WorkbenchNotice.Discarded });
    }
}
