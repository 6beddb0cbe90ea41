using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Web.Assessments;

/// <summary>One person's answers as the coordination may see them, under the label the person allowed.</summary>
public sealed record SharedAnswers(RespondentRecord Respondent, string Label, IReadOnlyDictionary<string, Answer> Answers)
{
    /// <summary>When the person finished, unless that could tell who is behind a pseudonym (the coordinator page lists dates by name).</summary>
    public string? FinishedAt => Respondent.Sharing == AnswerSharing.Pseudonym && !Respondent.IsCoordinator ? null : Respondent.FinishedAt;

    /// <summary>The person's evidence notes by question: shown one by one exactly where their answers are.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
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
        var notes = respondents.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, string>)(stored.GetValueOrDefault(r.Id) ?? [])
            .Where(a => a.Evidence is not null && questionnaire.FindQuestion(a.QuestionId) is not null)
            .ToDictionary(a => a.QuestionId, a => a.Evidence!, StringComparer.Ordinal));

        // The team is everyone who answered a question of the guide; someone who only opened the link counts nowhere.
        // Their evidence notes travel with the team's figures as the free texts do: without names, sorted.
        var counted = respondents.Where(r => answers[r.Id].Count > 0).ToList();
        var team = TeamTally.Of(questionnaire, profile, counted.Select(r => answers[r.Id]).ToList(), counted.Select(r => notes[r.Id]).ToList());

        var labels = RespondentLabels.Shared(respondents, assessments.PseudonymOrder(round.Id));
        var shared = respondents
            .Where(r => labels.ContainsKey(r.Id))
            .Select(r => new SharedAnswers(r, labels[r.Id], answers[r.Id]) { Evidence = notes[r.Id] })
            .OrderBy(s => s.Respondent.IsCoordinator ? 0 : s.Respondent.Sharing == AnswerSharing.Name ? 1 : 2)
            .ThenBy(s => s.Respondent.Sharing == AnswerSharing.Pseudonym && !s.Respondent.IsCoordinator ? s.Label : string.Empty, StringComparer.Ordinal)
            .ThenBy(s => s.Respondent.Id)
            .ToList();
        var incomplete = round.IsClosed ? respondents.Count(r => !r.IsFinished && answers[r.Id].Count > 0) : 0;
        return new RoundAnswers(profile, team, shared, respondents.Count(r => !r.IsCoordinator), incomplete);
    }
}
