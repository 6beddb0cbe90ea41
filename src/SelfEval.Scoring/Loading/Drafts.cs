using System.Diagnostics;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

// What one file says, before the files are put together. Lines are kept so that
// checks across files (offers, conditions on profile questions) can still point at them.

internal sealed record LocatedCondition(Condition Condition, int Line);

internal sealed record LocatedId(string Id, int Line);

/// <summary>'- compare: region: Region' as written.</summary>
internal sealed record CompareLine(string Key, string Label, int Line);

/// <summary>
/// One line under 'groups:' split into value, label and what follows '='. The members are read
/// only once the question's type is known (options or a range), which may be written after it.
/// </summary>
internal sealed record GroupLine(string Value, string Label, string Members, int Line);

internal sealed class QuestionDraft
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required int Line { get; init; }
    public required string Source { get; init; }
    public string HelpMarkdown { get; set; } = string.Empty;
    public QuestionType? Type { get; set; }
    public AnswerScale? Scale { get; set; }
    public List<AnswerOption> Options { get; } = [];
    public bool Required { get; set; } = true;
    public bool AllowsNotRelevant { get; set; }
    public decimal Weight { get; set; } = 1m;
    public Aspect? Aspect { get; set; }
    public Dimension? Dimension { get; set; }
    public bool Reverse { get; set; }
    public string? Hint { get; set; }
    public List<LocatedId> Offers { get; } = [];
    public LocatedId? MainOffer { get; set; }
    public bool AllowsDontKnow { get; set; }
    public Measure? Measures { get; set; }

    /// <summary>The question's own levels (<c>levels:</c>), worst first; null when it has none.</summary>
    public List<AnswerOption>? Levels { get; set; }

    public bool HasLevelErrors { get; set; }
    public string? SourceRef { get; set; }
    public LocatedCondition? Condition { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public bool IsProfile { get; init; }

    /// <summary>Where each property was written, to point later complaints at it.</summary>
    public Dictionary<string, int> PropertyLines { get; } = new(StringComparer.Ordinal);

    public bool HasOptionErrors { get; set; }

    public CompareLine? Compare { get; set; }

    public List<GroupLine> Groups { get; } = [];

    /// <summary>A line under 'groups:' was unusable, so coverage checks would only repeat it.</summary>
    public bool HasGroupErrors { get; set; }

    /// <summary>What can be answered: own levels or the shared scale's, ja/teilweise/nein, or the options.</summary>
    public IReadOnlyList<AnswerOption> AnswerOptions => Type switch
    {
        QuestionType.Scale => Levels?.ToArray() ?? Scale?.Levels ?? [],
        QuestionType.YesNo => YesNo,
        QuestionType.Single or QuestionType.Multi => Options.ToArray(),
        QuestionType.Number or QuestionType.Text or QuestionType.LongText or null => [],
        _ => throw new UnreachableException($"Question type {Type} has no answer options defined."),
    };

    public Question Build() => new(
        Id, Text, HelpMarkdown, Type ?? QuestionType.Text, Levels is null ? Scale?.Id : null, AnswerOptions,
        Required, AllowsNotRelevant, Weight, Aspect, Dimension, Reverse, Hint,
        Offers.Select(o => o.Id).ToArray(), SourceRef, Condition?.Condition, Min, Max, IsProfile, Line)
    {
        MainOfferId = MainOffer?.Id,
        AllowsDontKnow = AllowsDontKnow,
        Measures = Measures,
        HasOwnLevels = Levels is not null,
    };

    /// <summary>Ja / teilweise / nein, scored like a three-step scale.</summary>
    public static readonly IReadOnlyList<AnswerOption> YesNo =
    [
        new("ja", "Ja", 2m),
        new("teilweise", "Teilweise", 1m),
        new("nein", "Nein", 0m),
    ];
}

internal sealed class SectionDraft
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Line { get; init; }
    public required string Source { get; init; }
    public string IntroMarkdown { get; set; } = string.Empty;
    public decimal Weight { get; set; } = 1m;
    public LocatedCondition? Condition { get; set; }
    public string? SourceRef { get; set; }
    public List<QuestionDraft> Questions { get; } = [];
    public bool IsProfile { get; init; }

    public Section Build() => new(
        Id, Title, IntroMarkdown, Weight, Condition?.Condition,
        Questions.Select(q => q.Build()).ToArray(), IsProfile, Line);
}

internal sealed class SupportOfferDraft
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Line { get; init; }
    public string? SourceRef { get; set; }
    public string? Provider { get; set; }
    public string? Contact { get; set; }
    public string? Since { get; set; }

    /// <summary>Checked against the profile question 'phase' once both files are read.</summary>
    public List<LocatedId> Phases { get; } = [];

    /// <summary>Checked against the guides of the folder once all files are read.</summary>
    public List<LocatedId> Guides { get; } = [];

    public SupportOffer Build(string description) => new(Id, Title, description, SourceRef)
    {
        Provider = Provider,
        Contact = Contact,
        Since = Since,
        Phases = Phases.Select(p => p.Id).ToArray(),
        GuideIds = Guides.Select(g => g.Id).ToArray(),
    };
}

internal sealed class ParsedFile
{
    public required string Source { get; init; }
    public required string Text { get; init; }
    public required ErrorSink Errors { get; init; }
    public FileKind Kind { get; set; } = FileKind.Questionnaire;
    public string? Id { get; set; }
    public int IdLine { get; set; } = 1;
    public string? Version { get; set; }
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Description { get; set; }
    public string? Audience { get; set; }
    public int? Minutes { get; set; }
    public bool Checklist { get; set; }
    public Dictionary<string, AnswerScale> Scales { get; } = new(StringComparer.Ordinal);
    public List<ScoreBand> Bands { get; } = [];
    public List<(string OldId, string NewId, int Line)> Renamed { get; } = [];
    public List<SectionDraft> Sections { get; } = [];
    public List<SupportOffer> Offers { get; } = [];
    public List<SupportOfferDraft> OfferDrafts { get; } = [];
    public DateOnly? Date { get; set; }
    public Dictionary<string, int> OfferLines { get; } = new(StringComparer.Ordinal);

    /// <summary>The comparison dimensions of a profile file, in file order.</summary>
    public List<ComparisonDimension> Comparison { get; } = [];

    public Dictionary<string, int> ComparisonKeyLines { get; } = new(StringComparer.Ordinal);
}
