using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Deleting everything, after an explicit confirmation.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class DeleteModel(AssessmentAccess access, AssessmentStore assessments, SelfEval.Web.Office.SnapshotStore snapshots) : PageModel
{
    public CoordinatorContext Context { get; private set; } = null!;

    public string? Error { get; private set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public IActionResult OnGet(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        return Page();
    }

    public IActionResult OnPost(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            // Already deleted (a second click) ends where the first one did.
            return Redirect("/geloescht");
        }

        Context = context;
        if (!Confirm)
        {
            Error = "Bitte bestätigen Sie, dass Sie alles endgültig löschen möchten.";
            return Page();
        }

        // Deleted means gone from the comparison's snapshots too, not only from the assessment's tables.
        snapshots.Forget(context.Rounds.Select(r => r.Id).ToList());
        assessments.Delete(context.Assessment.Id);
        return Redirect("/geloescht");
    }
}
