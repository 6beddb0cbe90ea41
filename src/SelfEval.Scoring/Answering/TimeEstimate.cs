using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Scoring.Answering;

/// <summary>The shortest and longest time, in seconds, the coordinator needs for profile and guide.</summary>
public sealed record TimeRange(double MinSeconds, double MaxSeconds)
{
    /// <summary>Rounded to five minutes: anything finer would promise a precision the rates below do not have.</summary>
    public int FromMinutes => RoundToFive(MinSeconds);

    public int ToMinutes => Math.Max(FromMinutes, RoundToFive(MaxSeconds));

    private static int RoundToFive(double seconds) => Math.Max(5, (int)Math.Round(seconds / 60 / 5, MidpointRounding.AwayFromZero) * 5);
}

/// <summary>
/// How long answering takes, computed from the questions a person actually sees, so the start page
/// never repeats a number an author once guessed.
/// </summary>
public static class TimeEstimate
{
    /// <summary>
    /// Reading speed for German prose on screen. Adults read about 200–250 words a minute; the help
    /// texts are dense and read once with care, so the lower end is used.
    /// </summary>
    public const double WordsPerMinute = 200;

    /// <summary>
    /// Seconds to decide and enter an answer once the question (and its help) is read. Survey practice
    /// reckons 5–10 seconds per closed item; a self-assessment on a five-level scale is weighed rather
    /// than ticked, so it sits at the upper end. Ticking several boxes, looking up a number and writing
    /// take longer; a long free text (goals, wishes) is a few sentences.
    /// </summary>
    public static int DecisionSeconds(QuestionType type) => QuestionKinds.For(type).DecisionSeconds;

    /// <summary>Beyond this many combinations of answers the range falls back to a cruder bound (see <see cref="Range"/>).</summary>
    public const int MaxScenarios = 50_000;

    /// <summary>
    /// Seconds for the sections and questions the answers show: each shown section's intro is read,
    /// each shown question's text and help are read and answered; a choice question's own options are
    /// read too (a shared scale's levels are learnt once and not counted per question).
    /// </summary>
    public static double Seconds(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var visibility = Visibility.Of(questionnaire, answers);
        return Seconds(questionnaire, visibility.Sections.Contains, visibility.Questions.Contains);
    }

    private static double Seconds(Questionnaire questionnaire, Func<string, bool> sectionShown, Func<string, bool> questionShown)
    {
        double words = 0, seconds = 0;
        foreach (var section in questionnaire.Sections.Where(s => sectionShown(s.Id)))
        {
            words += Words(section.Title) + Words(section.IntroMarkdown);
            foreach (var question in section.Questions.Where(q => questionShown(q.Id)))
            {
                seconds += DecisionSeconds(question.Type);
                words += Words(question.Text) + Words(question.HelpMarkdown);
                if (question.Type is QuestionType.Single or QuestionType.Multi)
                {
                    words += question.Options.Sum(o => Words(o.Label));
                }
            }
        }

        return seconds + words * 60 / WordsPerMinute;
    }

    internal static int Words(string? text) =>
        text is null ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    /// <summary>
    /// The fewest and most seconds over every combination of answers that matters to a condition: for
    /// each question a condition refers to, each value the conditions name and one that none names
    /// (e.g. a founding team against an established initiative). Should a future guide have too many
    /// combinations, the bounds become every condition unmet and every question shown.
    /// </summary>
    public static TimeRange Range(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var conditions = questionnaire.Sections.Select(s => s.Condition)
            .Concat(questionnaire.Questions.Select(q => q.Condition))
            .OfType<Condition>()
            .ToList();
        var clauses = conditions.SelectMany(c => c.Clauses).ToList();
        var referenced = clauses.Select(c => c.QuestionId).Distinct(StringComparer.Ordinal)
            .Select(id => questionnaire.FindQuestion(id))
            .OfType<Question>()
            .Select(q => (q.Id, Candidates: Candidates(q, clauses.Where(c => c.QuestionId == q.Id).SelectMany(c => c.Values).Distinct().ToList())))
            .ToList();

        var count = referenced.Aggregate(1L, (n, r) => Math.Min(n * r.Candidates.Count, long.MaxValue / 1000));
        if (count > MaxScenarios)
        {
            return new TimeRange(
                Seconds(questionnaire, new Dictionary<string, Answer>()),
                Seconds(questionnaire, _ => true, _ => true));
        }

        double min = double.MaxValue, max = 0;
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        void Walk(int index)
        {
            if (index == referenced.Count)
            {
                var seconds = Seconds(questionnaire, answers);
                min = Math.Min(min, seconds);
                max = Math.Max(max, seconds);
                return;
            }

            var (id, candidates) = referenced[index];
            foreach (var candidate in candidates)
            {
                if (candidate is null)
                {
                    answers.Remove(id);
                }
                else
                {
                    answers[id] = candidate;
                }

                Walk(index + 1);
            }

            answers.Remove(id);
        }

        Walk(0);
        return new TimeRange(min, max);
    }

    private static List<Answer?> Candidates(Question question, List<string> named) => question.Kind().Scenarios(question, named).ToList();
}
