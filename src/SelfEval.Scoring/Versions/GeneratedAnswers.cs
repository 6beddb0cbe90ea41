using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Scoring.Versions;

/// <summary>Made-up answer patterns an author tries a guide with, to see what its profile says.</summary>
public enum AnswerScenario
{
    /// <summary>One person gives every scored question its lowest score.</summary>
    AllLow,

    /// <summary>One person gives every scored question its highest score.</summary>
    AllHigh,

    /// <summary>A team of <see cref="GeneratedAnswers.DividedTeamSize"/>: half answers lowest, half highest.</summary>
    DividedTeam,

    /// <summary>
    /// One person alternating: the first scored question highest, the next lowest, and so on. Strengths and
    /// development areas are questions that stand out from the person's own mean, so only uneven answers show them.
    /// </summary>
    Mixed,
}

/// <summary>
/// Answers for a profile preview. Only scored questions are answered (they are all the profile reads); a
/// follow-up whose condition the generated answers meet is answered too, one that stays hidden is ignored by
/// the scorer. The profile answers are the caller's, so the author sees the offers of the phase they chose.
/// </summary>
public static class GeneratedAnswers
{
    public const int DividedTeamSize = 4;

    public static IReadOnlyList<RespondentAnswers> For(Questionnaire guide, AnswerScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(guide);
        return scenario switch
        {
            AnswerScenario.AllLow => [Person(guide, 1, high: _ => false)],
            AnswerScenario.AllHigh => [Person(guide, 1, high: _ => true)],
            AnswerScenario.DividedTeam => Enumerable.Range(1, DividedTeamSize).Select(i => Person(guide, i, high: _ => i > DividedTeamSize / 2)).ToList(),
            AnswerScenario.Mixed => [Person(guide, 1, high: index => index % 2 == 0)],
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
    }

    private static RespondentAnswers Person(Questionnaire guide, int number, Func<int, bool> high)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var (question, index) in guide.ScoredQuestions.Select((q, i) => (q, i)))
        {
            var scored = question.Options.Where(o => o.Points is not null).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            // By score, not by points: a reversed question's best answer is its lowest level.
            var option = high(index) ? scored.MaxBy(o => Scorer.Normalise(question, o)) : scored.MinBy(o => Scorer.Normalise(question, o));
            answers[question.Id] = new Answer.Choice(option!.Value);
        }

        return new RespondentAnswers("P" + number, answers);
    }
}
