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
    /// <summary>The round read by <see cref="RoundReader"/>, as the coordination may see it.</summary>
    public static RoundAnswers Of(RoundData round)
    {
        ArgumentNullException.ThrowIfNull(round);

        // Left out at closing means left out everywhere: the team's figures, the shared answers and the head count.
        var people = round.People.Where(p => !round.Round.ExcludesUnfinished || p.Respondent.IsFinished).ToList();
        var respondents = people.Select(p => p.Respondent).ToList();

        // The team is everyone who answered a question of the guide; someone who only opened the link counts nowhere.
        // Their evidence notes travel with the team's figures as the free texts do: without names, sorted.
        var counted = people.Where(p => p.Answers.Count > 0).ToList();
        var team = TeamTally.Of(round.Questionnaire, round.Profile, counted.Select(p => p.Answers).ToList(), counted.Select(p => p.Evidence).ToList());

        var labels = RespondentLabels.Shared(respondents, round.PseudonymOrder);
        var shared = people
            .Where(p => labels.ContainsKey(p.Respondent.Id))
            .Select(p => new SharedAnswers(p.Respondent, labels[p.Respondent.Id], Shown(p.Respondent, p.Answers, p.Hidden)) { Evidence = Shown(p.Respondent, p.Evidence, p.Hidden) })
            .OrderBy(s => s.Respondent.IsCoordinator ? 0 : s.Respondent.Sharing == AnswerSharing.Name ? 1 : 2)
            .ThenBy(s => s.Respondent.Sharing == AnswerSharing.Pseudonym && !s.Respondent.IsCoordinator ? s.Label : string.Empty, StringComparer.Ordinal)
            .ThenBy(s => s.Respondent.Id)
            .ToList();
        var incomplete = round.Round.IsClosed ? people.Count(p => !p.Respondent.IsFinished && p.Answers.Count > 0) : 0;
        return new RoundAnswers(round.Profile, team, shared, respondents.Count(r => !r.IsCoordinator), incomplete);
    }

    /// <summary>
    /// Answers hidden by a reissued link count in the team's figures only: a coordinator who held that link could
    /// otherwise switch the person to sharing by name and read them. Under the pseudonym they already had they stay,
    /// so the reissue does not tell which pseudonym lost answers.
    /// </summary>
    private static IReadOnlyDictionary<string, T> Shown<T>(RespondentRecord r, IReadOnlyDictionary<string, T> answers, IReadOnlySet<string> hidden) =>
        hidden.Count == 0 || (r.Sharing == AnswerSharing.Pseudonym && AnswerSharingValues.Parse(r.ReissuedSharing) == AnswerSharing.Pseudonym)
            ? answers
            : answers.Where(a => !hidden.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
}
