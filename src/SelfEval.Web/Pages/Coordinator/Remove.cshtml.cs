using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Removing a member after a confirmation and a choice about their answers: neither can be undone.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class RemoveModel(AssessmentAccess access, AssessmentStore assessments, PeopleStore people) : PersonPage(access, assessments)
{
    public const string Delete = "loeschen";

    public const string Keep = "behalten";

    public IActionResult OnGet(string token, long id) => Load(token, id) ? Page() : NotFound();

    public IActionResult OnPostRemove(string token, long id, string? answers)
    {
        if (!Load(token, id))
        {
            return Gone(token);
        }

        if (Context.Round.IsClosed)
        {
            return Page();
        }

        if (answers is not (Delete or Keep))
        {
            Error = PeopleTexts.RemoveChoiceMissing;
            return Page();
        }

        people.Remove(Context.Round.Id, id, keepAnswers: answers == Keep);
        return ToCoordinatorPage(CoordinatorNotice.Removed);
    }
}
