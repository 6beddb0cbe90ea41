using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Deleting everything, after an explicit confirmation.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class DeleteModel(AssessmentAccess access, AssessmentStore assessments, SelfEval.Web.Office.SnapshotStore snapshots) : CoordinatorPage(access)
{
    public string? Error { get; private set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public IActionResult OnGet(string token) => Load(token) ? Page() : NotFound();

    public IActionResult OnPost(string token)
    {
        if (!Load(token))
        {
            // Already deleted (a second click) ends where the first one did.
            return Redirect("/geloescht");
        }

        if (!Confirm)
        {
            Error = "Bitte bestätigen Sie, dass Sie alles endgültig löschen möchten.";
            return Page();
        }

        // Deleted means gone from the comparison's snapshots too, not only from the assessment's tables.
        snapshots.Forget(Context.Rounds.Select(r => r.Id).ToList());
        assessments.Delete(Context.Assessment.Id);
        return Redirect("/geloescht");
    }
}
