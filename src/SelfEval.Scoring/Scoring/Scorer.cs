using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Scoring;

/// <summary>
/// Turns answers into scores. Pure: the same questionnaire and answers always give the same card.
/// Every answer becomes 0–100 by its own levels or scale (reverse items flipped); "nicht relevant" and hidden
/// questions leave the calculation; unanswered ones and "weiß nicht" count against the coverage only.
/// </summary>
public static class Scorer
{
    public static ScoreCard Score(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> profile, IReadOnlyList<RespondentAnswers> respondents)
    {
        ArgumentNullException.ThrowIfNull(respondents);
        return Score(questionnaire, TeamTally.Of(questionnaire, profile, respondents.Select(r => r.Answers).ToList()));
    }

    /// <summary>
    /// Scores the team's figures. Every number of the card (means, coverage, agreement, the range to
    /// discuss) depends only on how often each answer was given, so this is all a profile needs.
    /// </summary>
    public static ScoreCard Score(Questionnaire questionnaire, TeamTally team)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(team);

        var items = new List<ItemResult>();
        var order = 0;
        foreach (var section in questionnaire.Sections)
        {
            foreach (var question in section.Questions.Where(q => q.Scored))
            {
                var tally = team.For(question.Id);
                var scores = new List<decimal>();
                var steps = new List<int>();
                var chosen = new List<AnswerOption>();
                var unanswered = tally.Unanswered;
                foreach (var (value, count) in tally.Counts)
                {
                    if (question.FindOption(value) is not { Points: { } } option)
                    {
                        unanswered += count; // a choice without points says nothing about the level
                        continue;
                    }

                    for (var i = 0; i < count; i++)
                    {
                        scores.Add(Normalise(question, option));
                        steps.Add(Step(question, option));
                        chosen.Add(option);
                    }
                }

                unanswered += tally.Numbers.Count + tally.Texts.Count;
                items.Add(new ItemResult(question, section, order++, scores, steps, chosen, tally.NotRelevant, unanswered, tally.NotAsked, tally.DontKnow));
            }
        }

        var sections = questionnaire.Sections
            .Where(s => s.Questions.Any(q => q.Scored))
            .Select(s =>
            {
                var own = items.Where(i => i.Section == s).ToList();
                return new SectionResult(s, Mean(own, i => i.Question.Weight), Agreement(own), own)
                {
                    Measures = Measures(own, i => i.Question.Weight),
                };
            })
            .ToList();

        return new ScoreCard(
            questionnaire,
            team.Respondents,
            Mean(items, i => i.EffectiveWeight),
            Enum.GetValues<Aspect>().ToDictionary(a => a, a => Mean(items.Where(i => i.Question.Aspect == a), i => i.EffectiveWeight)),
            Enum.GetValues<Dimension>().ToDictionary(d => d, d => Mean(items.Where(i => i.Question.Dimension == d), i => i.EffectiveWeight)),
            sections,
            items,
            team.Respondents < 2 ? null : Agreement(items),
            team.Respondents < 2 ? null : Agreement(items.Where(i => i.Question.Aspect == Aspect.Einigkeit)))
        {
            Team = team,
            Measures = Measures(items, i => i.EffectiveWeight),
        };
    }

    // Questions of older stored versions measure nothing in particular and count in neither.
    private static Dictionary<Measure, ScoreValue> Measures(IReadOnlyList<ItemResult> items, Func<ItemResult, decimal> weight) =>
        Enum.GetValues<Measure>().ToDictionary(m => m, m => Mean(items.Where(i => i.Question.Measures == m), weight));

    /// <summary>0 for the question's lowest level (its own or its scale's), 100 for its highest; reverse items the other way round.</summary>
    public static decimal Normalise(Question question, AnswerOption option)
    {
        var points = question.Options.Where(o => o.Points is not null).Select(o => o.Points!.Value).ToList();
        var (min, max) = (points.Min(), points.Max());
        var score = max == min ? 100m : (option.Points!.Value - min) / (max - min) * 100m;
        return question.Reverse ? 100m - score : score;
    }

    /// <summary>The option's position from the lowest level, for measuring distance in scale steps.</summary>
    private static int Step(Question question, AnswerOption option) =>
        question.Options.Where(o => o.Points is not null).OrderBy(o => o.Points).ToList().IndexOf(option);

    private static ScoreValue Mean(IEnumerable<ItemResult> items, Func<ItemResult, decimal> weight)
    {
        var relevant = items.Where(i => i.IsRelevant).ToList();
        var scored = relevant.Where(i => i.IsScored).ToList();
        if (scored.Count == 0)
        {
            return new ScoreValue(null, 0, relevant.Count);
        }

        var total = scored.Sum(weight);
        var value = scored.Sum(i => weight(i) * i.Scores.Average()) / total;
        return new ScoreValue(Math.Round(value, 1, MidpointRounding.AwayFromZero), scored.Count, relevant.Count);
    }

    /// <summary>100 minus the mean distance between the highest and lowest answer of the items several people scored.</summary>
    private static decimal? Agreement(IEnumerable<ItemResult> items)
    {
        var shared = items.Where(i => i.Scores.Count >= 2).ToList();
        return shared.Count == 0 ? null : Math.Round(100m - shared.Average(i => i.Max!.Value - i.Min!.Value), 1, MidpointRounding.AwayFromZero);
    }
}
