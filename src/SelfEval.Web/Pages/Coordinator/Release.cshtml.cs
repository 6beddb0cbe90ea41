using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Releasing the current round's team profile to the members, or withdrawing it, after reading what they will see.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class ReleaseModel(AssessmentAccess access, PeopleStore people) : CoordinatorPage(access)
{
    public IActionResult OnGet(string token) => Load(token) ? Page() : NotFound();

    public IActionResult OnPostRelease(string token) => Set(token, released: true);

    public IActionResult OnPostWithdraw(string token) => Set(token, released: false);

    private IActionResult Set(string token, bool released)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        people.ReleaseToTeam(Context.Round.Id, released);
        return ToCoordinatorPage(released ? CoordinatorNotice.Released : CoordinatorNotice.Withdrawn);
    }
}
