using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Profile;

// The report model: everything a profile says, selected and ordered, as numbers, enums and the guide's own
// words (question texts, option labels, band names). It carries no sentence of its own: the renderers (the
// results page, the PDF) word it through one texts module, so both say the same and another PDF library
// never touches a number.

public sealed record ProfileHeader(
    string InitiativeName,
    string GuideTitle,
    string? GuideSubtitle,
    string Version,
    string Hash,
    DateOnly Date,
    int RoundNumber,
    int Respondents,
    bool OwnAnswersOnly,
    int Incomplete = 0);

/// <summary>A score as shown: a value and band, or "nicht bewertbar" with the reason.</summary>
public sealed record ScoreLine(string Key, string Label, decimal? Value, bool Assessable, string? Band, decimal Coverage)
{
    /// <summary>A section about the surroundings: shown beside the initiative's scores, not counted in them.</summary>
    public bool IsContext { get; init; }

    /// <summary>The whole number people read, or null where the score is not assessable.</summary>
    public decimal? Shown => Assessable && Value is { } v ? Format.Whole(v) : null;
}

/// <summary>
/// Practice or results as a score. Carries the measure, not a label: the renderers word it, so the report
/// model gains no sentence of its own.
/// </summary>
public sealed record MeasureLine(Measure Measure, decimal? Value, bool Assessable, string? Band, decimal Coverage)
{
    public ScoreLine ToLine(string label) => new(Measure.Name(), label, Value, Assessable, Band, Coverage);
}

/// <summary>How a question was answered: one person's choice, or the team's mean and range; "weiß nicht" apart.</summary>
/// <param name="Lowest">The lowest answer given (the only one for one person).</param>
/// <param name="Highest">The highest answer given; equal to <paramref name="Lowest"/> when all agree.</param>
/// <param name="Answers">How many gave a scored answer.</param>
public sealed record AnswerSummary(
    AnswerState State,
    decimal? Mean,
    int Answers,
    ChoiceRef? Lowest,
    ChoiceRef? Highest,
    int NotRelevant,
    int DontKnow,
    bool Team)
{
    public bool AllAgree => Lowest is not null && Lowest == Highest;
}

public enum AnswerState
{
    /// <summary>At least one scored answer.</summary>
    Answered,

    /// <summary>Only "weiß nicht".</summary>
    DontKnowOnly,

    /// <summary>All said "nicht relevant für unsere Ziele".</summary>
    NotRelevant,

    /// <summary>Hidden for everyone by its condition.</summary>
    NotAsked,

    Unanswered,
}

/// <summary>An answer option as the guide words it; <paramref name="Level"/> is set for scale levels ("3 – weitgehend").</summary>
public sealed record ChoiceRef(string Label, string? Level);

public sealed record ItemRef(string Number, string Text, string SectionTitle, decimal? Score, AnswerSummary Answer)
{
    /// <summary>The team agreed on this answer in its conversation: <see cref="Answer"/> and <see cref="Score"/> are the agreed ones.</summary>
    public bool Agreed { get; init; }
}

public sealed record Weakness(ItemRef Item, decimal Weight, decimal Priority, string? Hint);

/// <summary>How urgent an offer is: high only where an answer lies at the bottom of its scale.</summary>
public enum Urgency
{
    Low,
    Medium,
    High,
}

/// <param name="Because">The weak answers behind the need, most urgent first (at most five; <paramref name="FurtherItems"/> more).</param>
/// <param name="NextSteps">The support hints of those answers, at most three.</param>
public sealed record SupportNeed(
    string OfferId,
    string Title,
    string Description,
    decimal Priority,
    Urgency Urgency,
    IReadOnlyList<ItemRef> Because,
    IReadOnlyList<string> NextSteps,
    int FurtherItems = 0)
{
    /// <summary>Who offers it, as the catalogue says.</summary>
    public string? Provider { get; init; }

    /// <summary>An e-mail address or web link.</summary>
    public string? Contact { get; init; }

    /// <summary>Since when it is offered, as the catalogue writes it (a year or year-month).</summary>
    public string? Since { get; init; }

    /// <summary>Further offers the weak answers name, eligible and not recommended themselves (at most <see cref="Scoring.Method.MaxAlsoWorthALook"/>).</summary>
    public IReadOnlyList<OfferRef> AlsoWorthALook { get; init; } = [];
}

public sealed record OfferRef(string Id, string Title);

/// <param name="Points">Each person's answer on the 0–100 scale, ascending, so that the order tells nobody who is who.</param>
/// <param name="Steps">How many scale steps lie between the lowest and the highest answer.</param>
public sealed record DiscussionItem(ItemRef Item, IReadOnlyList<decimal> Points, int Steps);

public sealed record AgreementLine(string Label, decimal? Agreement, int SharedItems);

/// <param name="Overall">How far the team answered alike, 0–100 (100: all the same): the one agreement figure.</param>
/// <param name="Discuss">Every question whose answers lie <see cref="Scoring.Method.DiscussFromSteps"/> steps apart or more, the largest disagreement first.</param>
public sealed record TeamAgreement(
    decimal? Overall,
    IReadOnlyList<AgreementLine> Sections,
    IReadOnlyList<DiscussionItem> Discuss);

/// <summary>Before and now as the whole numbers people read, so that the change adds up as displayed.</summary>
public sealed record TrendLine(string Label, decimal? Before, decimal? Now)
{
    public decimal? Delta => Before is { } b && Now is { } n ? n - b : null;
}

public sealed record TrendReport(int PreviousRound, string PreviousVersion, TrendLine Overall, IReadOnlyList<TrendLine> Sections, IReadOnlyList<TrendLine> Items)
{
    /// <summary>The actions the earlier round took on, as the team marked them, in the order of its action plan.</summary>
    public IReadOnlyList<ActionOutcome> Actions { get; init; } = [];

    /// <summary>How many of the earlier round's actions the team marked so (<see cref="ActionStatus.Open"/>: not marked).</summary>
    public int ActionsWith(ActionStatus status) => Actions.Count(a => a.Action.Status == status);
}

/// <summary>One action of the earlier round and the change of its question's section since then (none where the guide no longer has the question).</summary>
public sealed record ActionOutcome(ActionLine Action, TrendLine? Section);

/// <summary>
/// One line of the action plan (Maßnahmenplan): the question it is about as the guide numbers and words it (none
/// where the guide no longer has the question), and what the team decided, in the team's own words.
/// </summary>
/// <param name="RoundNumber">The round the action was decided in.</param>
public sealed record ActionLine(
    long Id,
    string? Number,
    string? Text,
    string? SectionNumber,
    string? SectionTitle,
    string What,
    string? Who,
    DateOnly? Due,
    ActionStatus Status,
    int RoundNumber);

/// <summary>A score of the individual answers' mean beside the score with the team's agreed answers in their place.</summary>
/// <param name="Agreed">How many of the scored questions behind the line the team agreed on.</param>
public sealed record ConsensusLine(ScoreLine Mean, ScoreLine Consensus, int Agreed)
{
    /// <summary>Consensus minus mean, as the whole numbers people read; null where either is not assessable.</summary>
    public decimal? Delta => Mean.Shown is { } m && Consensus.Shown is { } c ? c - m : null;
}

/// <summary>
/// The consensus profile: where the team agreed on an answer in its conversation, that answer replaces the
/// individual ones; every other question keeps them. Overall and per section, beside the mean.
/// </summary>
/// <param name="Agreed">How many scored questions the team agreed on.</param>
public sealed record ConsensusReport(int Agreed, ConsensusLine Overall, IReadOnlyList<ConsensusLine> Sections);

public sealed record DetailItem(string Number, string Text, AnswerSummary Answer, decimal? Score, bool ToDiscuss)
{
    /// <summary>The answer the team agreed on in its conversation, beside the individual ones in <see cref="Answer"/>; null where it agreed on none.</summary>
    public AnswerSummary? Agreed { get; init; }

    /// <summary>Why the team agreed so, in its own words.</summary>
    public string? AgreedNote { get; init; }
}

public sealed record DetailSection(string Number, string Title, ScoreLine Score, decimal? Agreement, IReadOnlyList<DetailItem> Items)
{
    /// <summary>The section's practice and result scores, in the order of <see cref="Measure"/>.</summary>
    public IReadOnlyList<MeasureLine> Measures { get; init; } = [];
}

public sealed record ChecklistItem(string Number, string Text, AnswerSummary State, string NextStep);

public sealed record ChecklistSection(string Number, string Title, IReadOnlyList<ChecklistItem> Items);

/// <summary>
/// What the profile leads with, at most <see cref="Size"/> of each: the first of the selected strengths,
/// development areas, offers and discussion topics. The rest follows in the details and the appendix.
/// </summary>
public sealed record ProfileSummary(
    IReadOnlyList<ItemRef> Strengths,
    IReadOnlyList<Weakness> Weaknesses,
    IReadOnlyList<SupportNeed> Offers,
    IReadOnlyList<DiscussionItem> Discuss)
{
    public const int Size = 3;
}

/// <summary>How the item scores spread around the initiative's own mean: it decides what the lists can say.</summary>
public enum Spread
{
    /// <summary>Too few scored answers for strengths and development areas.</summary>
    TooFewAnswers,

    /// <summary>No answer stands out from the others by <see cref="Scoring.Method.OutlierMargin"/> or more.</summary>
    Even,

    /// <summary>Some answers stand out.</summary>
    Uneven,
}

/// <summary>A fact from the initiative's profile (phase, orientation, legal form, …) in the guide's words.</summary>
public sealed record ProfileFact(string Id, string Question, IReadOnlyList<string> Values);

public sealed record ProfileReport(
    ProfileHeader Header,
    ScoreLine Overall,
    ScoreBand? OverallBand,
    IReadOnlyList<ScoreLine> Sections,
    IReadOnlyList<ScoreLine> Aspects,
    IReadOnlyList<ScoreLine> Dimensions,
    IReadOnlyList<ItemRef> Strengths,
    IReadOnlyList<Weakness> Weaknesses,
    IReadOnlyList<SupportNeed> SupportNeeds,
    TeamAgreement? Team,
    TrendReport? Trend,
    IReadOnlyList<DetailSection> Details,
    IReadOnlyList<ChecklistSection>? Checklist,
    string MethodMarkdown,
    int Unanswered)
{
    /// <summary>The comparison with similar initiatives, added by whoever has their anonymous figures.</summary>
    public BenchmarkReport? Benchmark { get; init; }

    /// <summary>What the team wrote in answer to open questions, without names.</summary>
    public IReadOnlyList<OpenAnswers> OpenAnswers { get; init; } = [];

    /// <summary>Scored answers with an evidence note, of all scored answers; null only where the card has no team figures.</summary>
    public EvidenceCount? Evidence { get; init; }

    /// <summary>The evidence notes per scored question, without names and sorted, as the open answers are.</summary>
    public IReadOnlyList<OpenAnswers> EvidenceNotes { get; init; } = [];

    /// <summary>Practice and results overall, in the order of <see cref="Measure"/>, beside the aspects and dimensions.</summary>
    public IReadOnlyList<MeasureLine> Measures { get; init; } = [];

    /// <summary>Questions nobody answered other than with "weiß nicht" (they are not among <see cref="Unanswered"/>).</summary>
    public int DontKnow { get; init; }

    /// <summary>The date of the offers catalogue the support needs come from.</summary>
    public DateOnly? OffersDate { get; init; }

    /// <summary>The initiative's profile answers (not its name, which heads the profile).</summary>
    public IReadOnlyList<ProfileFact> Facts { get; init; } = [];

    /// <summary>What the team wrote about its own goals (the guide's first section), without names; also among <see cref="OpenAnswers"/>'s questions, not repeated there.</summary>
    public IReadOnlyList<OpenAnswers> Goals { get; init; } = [];

    /// <summary>The mean of the item scores the lists are measured against, and whether any stand out.</summary>
    public decimal? ItemMean { get; init; }

    public Spread Spread { get; init; } = Spread.TooFewAnswers;

    /// <summary>
    /// The scores with the answers the team agreed on in its conversation, beside the mean of the individual
    /// answers; null where it agreed on none. Where it exists, the lists and offers follow it.
    /// </summary>
    public ConsensusReport? Consensus { get; init; }

    /// <summary>The action plan: the round's actions by due date (undated last), then in questionnaire order.</summary>
    public IReadOnlyList<ActionLine> Actions { get; init; } = [];

    /// <summary>The action due next: the first with a date not marked done.</summary>
    public ActionLine? NextAction => Actions.FirstOrDefault(a => a.Due is not null && a.Status != ActionStatus.Done);

    public ProfileSummary Summary => new(
        Strengths.Take(ProfileSummary.Size).ToList(),
        Weaknesses.Take(ProfileSummary.Size).ToList(),
        SupportNeeds.Take(ProfileSummary.Size).ToList(),
        Team?.Discuss.Take(ProfileSummary.Size).ToList() ?? []);
}

/// <summary>How many of the team's scored answers came with an evidence note ("bei 12 von 50 Antworten mit Beleg").</summary>
public sealed record EvidenceCount(int WithEvidence, int Answers);

/// <summary>The texts given to one open question, in alphabetical order so that their order tells nobody who wrote which.</summary>
public sealed record OpenAnswers(string Number, string Text, IReadOnlyList<string> Answers);

/// <summary>One section against the middle half of comparable initiatives.</summary>
public sealed record BenchmarkLine(string Label, decimal? Score, decimal P25, decimal Median, decimal P75, Statistics.QuartilePosition? Position);

/// <summary>The comparison group, or why there is none (<paramref name="Unavailable"/>).</summary>
public sealed record BenchmarkReport(string Group, int Count, IReadOnlyList<BenchmarkLine> Sections, string? Unavailable)
{
    /// <summary>The date of the published figures the band shows.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Below this many initiatives a band says more about a few than about "comparable initiatives".</summary>
    public const int FewFrom = 10;
}

public static class Format
{
    public static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    public static string Number(decimal value) => value.ToString("0", German);

    /// <summary>The whole number a score is shown as (half up), the one every difference is taken of.</summary>
    public static decimal Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    public static string Signed(decimal value) => value > 0 ? "+" + Number(value) : value < 0 ? "−" + Number(-value) : "±0";
}
