using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Releasing the current round's team profile to the members, or withdrawing it, after reading what they will see.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class ReleaseModel(AssessmentAccess access, PeopleStore people) : PageModel
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

    public IActionResult OnPostRelease(string token) => Set(token, released: true);

    public IActionResult OnPostWithdraw(string token) => Set(token, released: false);

    private IActionResult Set(string token, bool released)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return NotFound();
        }

        people.ReleaseToTeam(context.Round.Id, released);
        return RedirectToPage("Index", new { token, notice = released ? CoordinatorNotice.Released : CoordinatorNotice.Withdrawn });
    }
}
