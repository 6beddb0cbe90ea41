using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// Closing a round after a look at who has not finished: closing cannot be undone from the respondents' side, and
/// half-finished answers would otherwise be counted without anyone having decided so.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class CloseModel(AssessmentAccess access, AssessmentStore assessments, RoundReader reader, SelfEval.Web.Office.RoundResultStore results) : CoordinatorPage(access)
{
    private IReadOnlyList<string>? _unfinished;

    /// <summary>
    /// The people of the round who have not marked their answers as finished, by the label the coordinator page shows;
    /// not a coordinator who answers nothing but the profile.
    /// </summary>
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

        return ToCoordinatorPage(CoordinatorNotice.Closed);
    }

    private List<string> ReadUnfinished()
    {
        var round = reader.Read(Context.Round, Context.Questionnaire);
        var labels = RespondentLabels.For(round.Respondents);

        // The coordinator is asked the profile, which is the initiative's and counts either way; only one who began
        // answering the guide as well has answers that closing could leave unfinished.
        return round.People
            .Where(p => !p.Respondent.IsFinished && !(p.Respondent.IsCoordinator && p.Answers.Count == 0))
            .Select(p => labels[p.Respondent.Id]).ToList();
    }
}
