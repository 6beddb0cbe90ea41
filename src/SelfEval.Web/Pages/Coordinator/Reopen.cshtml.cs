using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Reopening the current round after a confirmation: a round closed too early need not wait a year.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class ReopenModel(AssessmentAccess access, AssessmentStore assessments) : CoordinatorPage(access)
{
    public IActionResult OnGet(string token) => Load(token) ? Page() : NotFound();

    public IActionResult OnPostReopen(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        // Only the current round: the store refuses a round once the next has begun, and an open one stays as it is.
        assessments.ReopenRound(Context.Round.Id);
        return ToCoordinatorPage(CoordinatorNotice.Reopened);
    }
}
