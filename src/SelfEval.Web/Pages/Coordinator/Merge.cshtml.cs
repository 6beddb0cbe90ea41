using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Folding two entries of the same person into one, after the coordinator picked the second entry and which one stays.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class MergeModel(AssessmentAccess access, AssessmentStore assessments, PeopleStore people) : PersonPage(access, assessments)
{
    /// <summary>The two answers to which entry stays: the one the page was opened for, or the other one chosen.</summary>
    public const string KeepThis = "diesen";

    public const string KeepOther = "anderen";

    public IActionResult OnGet(string token, long id) => Load(token, id) ? Page() : NotFound();

    public IActionResult OnPostMerge(string token, long id, long? other, string? keep)
    {
        if (!Load(token, id))
        {
            return Gone(token);
        }

        if (Context.Round.IsClosed)
        {
            return Page();
        }

        if (other is not { } otherId || Found.Others.All(o => o.Respondent.Id != otherId))
        {
            Error = PeopleTexts.MergeChoiceMissing;
            return Page();
        }

        var (kept, gone) = keep == KeepOther ? (otherId, id) : (id, otherId);
        people.Merge(Context.Round.Id, kept, gone);
        return ToCoordinatorPage(CoordinatorNotice.Merged);
    }
}
