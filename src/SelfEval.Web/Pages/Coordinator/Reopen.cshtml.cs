using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Reopening the current round after a confirmation: a round closed too early need not wait a year.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class ReopenModel(AssessmentAccess access, AssessmentStore assessments) : PageModel
{
    public CoordinatorContext Context { get; private set; } = null!;

    public IActionResult OnGet(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        return Page();
    }

    public IActionResult OnPostReopen(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return NotFound();
        }

        // Only the current round: the store refuses a round once the next has begun, and an open one stays as it is.
        assessments.ReopenRound(context.Round.Id);
        return RedirectToPage("Index", new { token, notice = CoordinatorNotice.Reopened });
    }
}
