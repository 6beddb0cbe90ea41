using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Profile;

// The report model: everything a profile says, already worded and ordered. Renderers (the results
// page, the PDF) only lay it out, so another PDF library never touches a number.

public sealed record ProfileHeader(
    string InitiativeName,
    string GuideTitle,
    string? GuideSubtitle,
    string Version,
    string Hash,
    DateOnly Date,
    int RoundNumber,
    int Respondents,
    bool OwnAnswersOnly);

/// <summary>A score as shown: a value and band, or "nicht bewertbar" with the reason.</summary>
public sealed record ScoreLine(string Key, string Label, decimal? Value, bool Assessable, string? Band, decimal Coverage)
{
    public string Display => Assessable && Value is { } v ? v.ToString("0", Format.German) : "nicht bewertbar";
}

/// <summary>
/// Practice or results as a score. Carries the measure, not a label: the renderers word it, so the report
/// model gains no sentence of its own.
/// </summary>
public sealed record MeasureLine(Measure Measure, decimal? Value, bool Assessable, string? Band, decimal Coverage)
{
    public ScoreLine ToLine(string label) => new(Measure.Name(), label, Value, Assessable, Band, Coverage);
}

public sealed record ItemRef(string Number, string Text, string SectionTitle, decimal? Score, string Answer);

public sealed record Weakness(ItemRef Item, decimal Weight, decimal Priority, string? Hint);

/// <param name="Because">The weak answers behind the need, most urgent first (at most five; <paramref name="FurtherItems"/> more).</param>
/// <param name="NextSteps">The support hints of those answers, at most three.</param>
public sealed record SupportNeed(
    string OfferId,
    string Title,
    string Description,
    decimal Priority,
    string Level,
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

public sealed record DiscussionItem(ItemRef Item, string Range, int Steps);

public sealed record AgreementLine(string Label, decimal? Agreement, int SharedItems);

public sealed record TeamAgreement(
    decimal? Overall,
    decimal? Einigkeit,
    ScoreLine EinigkeitAnswers,
    IReadOnlyList<AgreementLine> Sections,
    IReadOnlyList<DiscussionItem> Discuss);

public sealed record TrendLine(string Label, decimal? Before, decimal? Now)
{
    public decimal? Delta => Before is { } b && Now is { } n ? n - b : null;
}

public sealed record TrendReport(int PreviousRound, string PreviousVersion, TrendLine Overall, IReadOnlyList<TrendLine> Sections, IReadOnlyList<TrendLine> Items);

/// <param name="DontKnow">How many answered "weiß nicht".</param>
public sealed record DetailItem(string Number, string Text, string Answer, decimal? Score, bool ToDiscuss, int DontKnow = 0);

public sealed record DetailSection(string Number, string Title, ScoreLine Score, decimal? Agreement, IReadOnlyList<DetailItem> Items)
{
    /// <summary>The section's practice and result scores, in the order of <see cref="Measure"/>.</summary>
    public IReadOnlyList<MeasureLine> Measures { get; init; } = [];
}

public sealed record ChecklistItem(string Number, string Text, string State, string NextStep);

public sealed record ChecklistSection(string Number, string Title, IReadOnlyList<ChecklistItem> Items);

public sealed record ProfileReport(
    ProfileHeader Header,
    ScoreLine Overall,
    string OverallText,
    IReadOnlyList<ScoreLine> Sections,
    IReadOnlyList<ScoreLine> Aspects,
    IReadOnlyList<ScoreLine> Dimensions,
    IReadOnlyList<ItemRef> Strengths,
    IReadOnlyList<ScoreLine> StrongSections,
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

    /// <summary>Practice and results overall, in the order of <see cref="Measure"/>, beside the aspects and dimensions.</summary>
    public IReadOnlyList<MeasureLine> Measures { get; init; } = [];

    /// <summary>Questions nobody answered other than with "weiß nicht" (they are not among <see cref="Unanswered"/>).</summary>
    public int DontKnow { get; init; }

    /// <summary>The date of the offers catalogue the support needs come from.</summary>
    public DateOnly? OffersDate { get; init; }
}

/// <summary>The texts given to one open question, in alphabetical order so that their order tells nobody who wrote which.</summary>
public sealed record OpenAnswers(string Number, string Text, IReadOnlyList<string> Answers);

/// <summary>One section against the middle half of comparable initiatives.</summary>
public sealed record BenchmarkLine(string Label, decimal? Score, decimal P25, decimal Median, decimal P75, string? Position);

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

    public static string Signed(decimal value) => value > 0 ? "+" + Number(value) : value < 0 ? "−" + Number(-value) : "±0";
}
