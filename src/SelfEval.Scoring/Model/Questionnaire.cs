namespace SelfEval.Scoring.Model;

/// <summary>One level of an answer scale or one option of a choice question.</summary>
/// <param name="Value">What is stored and exported: the number as text for scale levels, an id otherwise.</param>
/// <param name="Points">The level's numeric value for scoring; null for unscored choices.</param>
public sealed record AnswerOption(string Value, string Label, decimal? Points);

public sealed record AnswerScale(string Id, IReadOnlyList<AnswerOption> Levels, int Line)
{
    public decimal MinPoints => Levels.Min(l => l.Points ?? 0);
    public decimal MaxPoints => Levels.Max(l => l.Points ?? 0);
}

/// <summary>A named band of the 0–100 score, e.g. "Aufbau" from 25.</summary>
public sealed record ScoreBand(decimal From, string Name, string Text);

public sealed record SupportOffer(string Id, string Title, string DescriptionMarkdown, string? Source)
{
    /// <summary>Who offers it (<c>provider:</c>), e.g. "Servicestelle Industrieinitiativen".</summary>
    public string? Provider { get; init; }

    /// <summary>An e-mail address or web link (<c>contact:</c>).</summary>
    public string? Contact { get; init; }

    /// <summary>Since when it is offered (<c>since:</c>), as the author wrote it: a year or year-month.</summary>
    public string? Since { get; init; }

    /// <summary>The phases (values of the profile question <c>phase</c>) it serves; empty = every phase.</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];

    /// <summary>The ids of the guides this offer is (<c>guide:</c>): never recommended to someone filling one of them in.</summary>
    public IReadOnlyList<string> GuideIds { get; init; } = [];
}

public sealed record OfferCatalog(string Id, string Title, IReadOnlyList<SupportOffer> Offers, SourceText Source)
{
    /// <summary>The date the catalogue was last checked (<c>date:</c> in its front matter).</summary>
    public DateOnly? Date { get; init; }

    public SupportOffer? Find(string id) => Offers.FirstOrDefault(o => o.Id == id);
}

public sealed record Question(
    string Id,
    string Text,
    string HelpMarkdown,
    QuestionType Type,
    string? ScaleId,
    IReadOnlyList<AnswerOption> Options,
    bool Required,
    bool AllowsNotRelevant,
    decimal Weight,
    Aspect? Aspect,
    Dimension? Dimension,
    bool Reverse,
    string? SupportHint,
    IReadOnlyList<string> OfferIds, // the optional offers (offers:); the main one is MainOfferId
    string? Source,
    Condition? Condition,
    decimal? Min,
    decimal? Max,
    bool IsProfile,
    int Line)
{
    /// <summary>The one offer that fits a gap here best (<c>offer:</c>).</summary>
    public string? MainOfferId { get; init; }

    /// <summary>Whether "weiß nicht" is offered (<c>dont-know: ja</c>).</summary>
    public bool AllowsDontKnow { get; init; }

    /// <summary>Practice or result (<c>measures:</c>); set on every scored question, null otherwise.</summary>
    public Measure? Measures { get; init; }

    /// <summary>The levels were defined on the question itself (<c>levels:</c>) rather than taken from a shared scale.</summary>
    public bool HasOwnLevels { get; init; }

    /// <summary>Scale and yes/no questions of a guide count towards the scores; profile questions never do.</summary>
    public bool Scored => !IsProfile && Kinds.QuestionKinds.For(Type).Scored;

    public AnswerOption? FindOption(string value) => Options.FirstOrDefault(o => o.Value == value);
}

public sealed record Section(
    string Id,
    string Title,
    string IntroMarkdown,
    decimal Weight,
    Condition? Condition,
    IReadOnlyList<Question> Questions,
    bool IsProfile,
    int Line);

/// <summary>A source text the questionnaire was built from, kept so an answered version can be stored whole.</summary>
public sealed record SourceText(string Name, string Text);

/// <summary>A guide as answered: its own sections preceded by the shared profile section(s).</summary>
public sealed record Questionnaire(
    string Id,
    string Version,
    string Hash,
    string Title,
    string? Subtitle,
    string Description,
    string Audience,
    int EstimatedMinutes,
    IReadOnlyDictionary<string, AnswerScale> Scales,
    IReadOnlyList<ScoreBand> Bands,
    IReadOnlyList<Section> Sections,
    IReadOnlyDictionary<string, string> RenamedQuestions,
    IReadOnlyList<SourceText> Sources,
    bool HasChecklist = false)
{
    /// <summary>The groups the office compares by, declared in the profile the guide is answered with.</summary>
    public ComparisonGroups Comparison { get; init; } = ComparisonGroups.None;

    /// <summary>
    /// Option values a newer version renamed (question id → old value → new value), from the
    /// <c>renamed</c> entries <c>frage-id.alter-wert: neuer-wert</c> of the guide and the profile,
    /// so an answer given with the old value still means the same.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> RenamedOptions { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>The value an option has in this version; the value itself when it was not renamed.</summary>
    public string CurrentOption(string questionId, string value) =>
        RenamedOptions.TryGetValue(questionId, out var map) && map.TryGetValue(value, out var renamed) ? renamed : value;

    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public IEnumerable<Question> ScoredQuestions => Questions.Where(q => q.Scored);

    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public Section SectionOf(Question question) => Sections.First(s => s.Questions.Contains(question));

    public ScoreBand BandFor(decimal score) => Bands.Last(b => b.From <= score);
}
