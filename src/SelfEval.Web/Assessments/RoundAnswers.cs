using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Web.Assessments;

/// <summary>One person's answers as the coordination may see them, under the label the person allowed.</summary>
public sealed record SharedAnswers(RespondentRecord Respondent, string Label, IReadOnlyDictionary<string, Answer> Answers)
{
    /// <summary>When the person finished, unless that could tell who is behind a pseudonym (the coordinator page lists dates by name).</summary>
    public string? FinishedAt => Respondent.Sharing == AnswerSharing.Pseudonym && !Respondent.IsCoordinator ? null : Respondent.FinishedAt;
}

/// <summary>
/// A round's answers as every output for the coordination reads them: the whole team only as figures
/// (<see cref="TeamTally"/>), and one by one only the coordinator's own and those of members who chose to share.
/// The one place that decides this, so the profile, the PDF and the exports cannot differ.
/// </summary>
/// <param name="Incomplete">Of the team counted in a closed round, how many had not finished: counted by the coordinator's choice, and said so.</param>
public sealed record RoundAnswers(IReadOnlyDictionary<string, Answer> Profile, TeamTally Team, IReadOnlyList<SharedAnswers> Shared, int Members, int Incomplete)
{
    public static RoundAnswers Read(AssessmentStore assessments, ResponseStore responses, Questionnaire questionnaire, RoundRecord round)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(round);

        var profile = AssessmentAccess.Read(questionnaire, assessments.GetProfile(round.Id));
        // Left out at closing means left out everywhere: the team's figures, the shared answers and the head count.
        var respondents = assessments.GetRespondents(round.Id).Where(r => !round.ExcludesUnfinished || r.IsFinished).ToList();
        var stored = responses.GetForRound(round.Id);
        var answers = respondents.ToDictionary(r => r.Id, r => AssessmentAccess.Read(questionnaire, stored.GetValueOrDefault(r.Id) ?? []));

        // The team is everyone who answered a question of the guide; someone who only opened the link counts nowhere.
        var team = TeamTally.Of(questionnaire, profile, respondents.Where(r => answers[r.Id].Count > 0).Select(r => answers[r.Id]).ToList());

        var labels = RespondentLabels.Shared(respondents, assessments.PseudonymOrder(round.Id));
        var hidden = assessments.HiddenAnswers(round.Id);
        var shared = respondents
            .Where(r => labels.ContainsKey(r.Id))
            .Select(r => new SharedAnswers(r, labels[r.Id], Shown(r, answers[r.Id], hidden.GetValueOrDefault(r.Id))))
            .OrderBy(s => s.Respondent.IsCoordinator ? 0 : s.Respondent.Sharing == AnswerSharing.Name ? 1 : 2)
            .ThenBy(s => s.Respondent.Sharing == AnswerSharing.Pseudonym && !s.Respondent.IsCoordinator ? s.Label : string.Empty, StringComparer.Ordinal)
            .ThenBy(s => s.Respondent.Id)
            .ToList();
        var incomplete = round.IsClosed ? respondents.Count(r => !r.IsFinished && answers[r.Id].Count > 0) : 0;
        return new RoundAnswers(profile, team, shared, respondents.Count(r => !r.IsCoordinator), incomplete);
    }

    /// <summary>
    /// Answers hidden by a reissued link count in the team's figures only: a coordinator who held that link could
    /// otherwise switch the person to sharing by name and read them. Under the pseudonym they already had they stay,
    /// so the reissue does not tell which pseudonym lost answers.
    /// </summary>
    private static IReadOnlyDictionary<string, Answer> Shown(RespondentRecord r, IReadOnlyDictionary<string, Answer> answers, IReadOnlySet<string>? hidden) =>
        hidden is null || (r.Sharing == AnswerSharing.Pseudonym && AnswerSharingValues.Parse(r.ReissuedSharing) == AnswerSharing.Pseudonym)
            ? answers
            : answers.Where(a => !hidden.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
}
