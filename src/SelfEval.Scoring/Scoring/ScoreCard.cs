using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Scoring;

/// <summary>One person's answers, named as the team sees them.</summary>
public sealed record RespondentAnswers(string Label, IReadOnlyDictionary<string, Answer> Answers);

/// <summary>The numbers the method is built on; the appendix "So wurde gerechnet" quotes them.</summary>
public static class Method
{
    /// <summary>Below this share of answered items a score is shown as "nicht bewertbar".</summary>
    public const decimal MinCoverage = 0.5m;

    /// <summary>A development area is below this score (and falls behind the initiative's mean by <see cref="OutlierMargin"/>).</summary>
    public const decimal StrengthFrom = 75m;

    /// <summary>An item below this score feeds the support needs; a strength is at least this (and stands out by <see cref="OutlierMargin"/>).</summary>
    public const decimal WeaknessBelow = 50m;

    /// <summary>
    /// How far an item must lie from the initiative's own mean to count as a strength or development area:
    /// more than half a step of a five-level scale, so that an even profile is said to be even, not split at 50.
    /// </summary>
    public const decimal OutlierMargin = 15m;

    /// <summary>Strengths and development areas need at least this many scored items to be told apart.</summary>
    public const int MinItemsForLists = 4;

    /// <summary>Answers that lie this many scale steps apart or more are put on the list to discuss.</summary>
    public const int DiscussFromSteps = 2;

    /// <summary>
    /// The priority of an offer's most urgent answer from which it is marked high / medium. 24 is an answer at
    /// the bottom of its scale with weight 1 (four steps: 5² − 1); 8 is two steps below the top.
    /// </summary>
    public const decimal HighPriorityFrom = 24m;

    public const decimal MediumPriorityFrom = 8m;

    public const int MaxStrengths = 5;

    public const int MaxWeaknesses = 5;

    /// <summary>The profile recommends at most this many offers, the most urgent first.</summary>
    public const int MaxSupportNeeds = 3;

    /// <summary>Each recommended offer names at most this many further offers as "also worth a look".</summary>
    public const int MaxAlsoWorthALook = 2;
}

/// <summary>A weighted mean with the share of items it rests on.</summary>
public sealed record ScoreValue(decimal? Value, int Answered, int Relevant)
{
    public decimal Coverage => Relevant == 0 ? 0 : (decimal)Answered / Relevant;

    /// <summary>Enough answers for an honest number; otherwise the profile says "nicht bewertbar".</summary>
    public bool Assessable => Value is not null && Coverage >= Method.MinCoverage;

    public static readonly ScoreValue None = new(null, 0, 0);
}

/// <summary>One scored question over all respondents.</summary>
public sealed record ItemResult(
    Question Question,
    Section Section,
    int Order,
    IReadOnlyList<decimal> Scores,
    IReadOnlyList<int> Steps,
    IReadOnlyList<AnswerOption> Chosen,
    int NotRelevant,
    int Unanswered,
    int Hidden,
    int DontKnow = 0)
{
    public bool IsScored => Scores.Count > 0;

    /// <summary>
    /// Asked of someone and neither answered "nicht relevant" by all nor hidden for all. "Weiß nicht" keeps an
    /// item relevant: the question matters, the answer is missing, so it lowers the coverage like a blank.
    /// </summary>
    public bool IsRelevant => Scores.Count + Unanswered + DontKnow > 0;

    public decimal? Score => Scores.Count == 0 ? null : Math.Round(Scores.Average(), 1, MidpointRounding.AwayFromZero);

    public decimal? Min => Scores.Count == 0 ? null : Scores.Min();

    public decimal? Max => Scores.Count == 0 ? null : Scores.Max();

    /// <summary>Distance between the highest and lowest answer in scale steps.</summary>
    public int StepRange => Steps.Count < 2 ? 0 : Steps.Max() - Steps.Min();

    public bool ToDiscuss => Steps.Count >= 2 && StepRange >= Method.DiscussFromSteps;

    public decimal Gap => 100m - (Score ?? 0m);

    /// <summary>A question about the surroundings (aspect regional context): reported beside the initiative's scores, never in them.</summary>
    public bool IsContext => Question.Aspect == Aspect.Kontext;

    /// <summary>The weight as the method uses it across sections: question weight times section weight.</summary>
    public decimal EffectiveWeight => Question.Weight * Section.Weight;
}

public sealed record SectionResult(Section Section, ScoreValue Score, decimal? Agreement, IReadOnlyList<ItemResult> Items)
{
    /// <summary>The section's practice and result scores, weighted by question weight like <see cref="Score"/>.</summary>
    public IReadOnlyDictionary<Measure, ScoreValue> Measures { get; init; } = NoMeasures;

    /// <summary>Every scored question of the section is about the surroundings: its score describes them, not the initiative.</summary>
    public bool IsContext { get; init; }

    internal static readonly IReadOnlyDictionary<Measure, ScoreValue> NoMeasures = Enum.GetValues<Measure>().ToDictionary(m => m, _ => ScoreValue.None);
}

public sealed record ScoreCard(
    Questionnaire Questionnaire,
    int Respondents,
    ScoreValue Overall,
    IReadOnlyDictionary<Aspect, ScoreValue> Aspects,
    IReadOnlyDictionary<Dimension, ScoreValue> Dimensions,
    IReadOnlyList<SectionResult> Sections,
    IReadOnlyList<ItemResult> Items,
    decimal? Agreement,
    decimal? EinigkeitAgreement)
{
    public ItemResult? Item(string questionId) => Items.FirstOrDefault(i => i.Question.Id == questionId);

    public SectionResult? Section(string sectionId) => Sections.FirstOrDefault(s => s.Section.Id == sectionId);

    /// <summary>The figures the card was scored from (texts and numbers included), without any person's answers one by one.</summary>
    public TeamTally? Team { get; init; }

    /// <summary>How the initiative works (practice) and what it achieved (results), weighted like <see cref="Overall"/>.</summary>
    public IReadOnlyDictionary<Measure, ScoreValue> Measures { get; init; } = SectionResult.NoMeasures;
}
