using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// Closing a round after a look at who has not finished: closing cannot be undone from the respondents' side, and
/// half-finished answers would otherwise be counted without anyone having decided so.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class CloseModel(AssessmentAccess access, AssessmentStore assessments, SelfEval.Web.Office.RoundResultStore results) : CoordinatorPage(access)
{
    private IReadOnlyList<string>? _unfinished;

    /// <summary>The people of the round who have not marked their answers as finished, by the label the coordinator page shows.</summary>
    public IReadOnlyList<string> Unfinished => _unfinished ??= ReadUnfinished();

    /// <summary>The two answers to whether unfinished people's answers count in the team's results.</summary>
    public const string Include = "einbeziehen";

    public const string Exclude = "weglassen";

    public IActionResult OnGet(string token) => Load(token) ? Page() : NotFound();

    public IActionResult OnPostClose(string token, string? unfinished)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        // A second click finds the round closed and ends where the first one did, without computing again.
        if (!Context.Round.IsClosed)
        {
            assessments.CloseRound(Context.Round.Id, excludeUnfinished: unfinished == Exclude);
            results.Compute(Context.Round.Id); // the numbers the anonymous comparison may use, from now on fixed
        }

        return ToCoordinatorPage("geschlossen");
    }

    private List<string> ReadUnfinished()
    {
        var respondents = assessments.GetRespondents(Context.Round.Id);
        var labels = RespondentLabels.For(respondents);
        return respondents.Where(r => !r.IsFinished).Select(r => labels[r.Id]).ToList();
    }
}
