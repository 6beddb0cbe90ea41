using System.Text.Json;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Web.Answering;

/// <summary>One question as a form shows it: what is saved, what was typed, what went wrong.</summary>
public sealed record QuestionField(
    Question Question,
    string Number,
    Answer? Saved,
    RawAnswer? Raw,
    string? Error,
    bool Hidden,
    bool ReadOnly)
{
    /// <summary>The blank paper form: boxes to tick and lines to write on instead of inputs.</summary>
    public bool Paper { get; init; }

    public QuestionKind Kind => Question.Kind();

    /// <summary>The evidence note as typed, else as saved; null when there is none.</summary>
    public string? Evidence { get; init; }

    /// <summary>What is wrong with the evidence note (too long), shown next to it rather than at the answer.</summary>
    public string? EvidenceError { get; init; }

    /// <summary>
    /// What the team agreed on for this question in its last conversation, worded; shown inside the field so it is
    /// hidden whenever the question is.
    /// </summary>
    public string? LastTime { get; init; }

    /// <summary>Online, on a scored question: the paper form keeps its lines for the answer.</summary>
    public bool OffersEvidence => !Paper && Answering.Evidence.Offered(Question);

    public string EvidenceName => AnswerForm.EvidenceName(Question);

    public string EvidenceId => Question.Id + "--beleg";

    public string EvidenceErrorId => "beleg-fehler-" + Question.Id;

    /// <summary>The kind's own partial: Pages/Shared/QuestionKinds/_{name}.cshtml.</summary>
    public string Partial => "QuestionKinds/_" + Kind.Name;

    /// <summary>
    /// For the kinds that pick from options, how QuestionKinds/_Choices lays them out; null for typed answers. The
    /// question frame renders _Choices with it straight away: each partial view costs a lookup, an activation and a
    /// buffer, and a section page rendered three of them per question.
    /// </summary>
    public ChoiceLayout? Choices => Kind.Name switch
    {
        "scale" => new ChoiceLayout(this, Multiple: false, ShowValue: true),
        "single" or "yesno" => new ChoiceLayout(this, Multiple: false, ShowValue: false),
        "multi" => new ChoiceLayout(this, Multiple: true, ShowValue: false),
        _ => null,
    };

    public string Name => AnswerForm.FieldName(Question);

    public string JustificationName => AnswerForm.JustificationName(Question);

    public string DomId => "frage-" + Question.Id;

    public string ErrorId => "fehler-" + Question.Id;

    /// <summary>The ids of the help and error texts a screen reader should read with the input.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = string.Join(' ', new[] { Error is null ? null : ErrorId, string.IsNullOrWhiteSpace(Question.HelpMarkdown) ? null : "hilfe-" + Question.Id }.Where(x => x is not null));
            return ids.Length > 0 ? ids : null;
        }
    }

    /// <summary>Is this option selected, by what was just typed or else by what is saved.</summary>
    public bool IsSelected(string value) => Raw is not null
        ? Raw.Values.Contains(value)
        : Saved is not null && Kind.FormValues(Saved)?.Contains(value) == true;

    public bool IsNotRelevant => Raw?.NotRelevant ?? Saved is Answer.NotRelevant;

    public bool IsDontKnow => Raw?.DontKnow ?? Saved is Answer.DontKnow;

    public string Justification => Raw?.Justification ?? (Saved as Answer.NotRelevant)?.Justification ?? string.Empty;

    public string TextValue => Raw is not null
        ? string.Join("\n", Raw.Values)
        : Saved is not null && Kind.FormValues(Saved) is { } values ? string.Join("\n", values) : string.Empty;

    public int? MaxLength => Kind.MaxLength;

    /// <summary>The condition as data for the page's script, which shows and hides questions as people answer.</summary>
    public static string? ConditionJson(Condition? condition) => condition is null
        ? null
        : Conditions.GetValue(condition, c => JsonSerializer.Serialize(c.AnyOf.Select(g => g.Select(c => new { q = c.QuestionId, op = Op(c.Operator), v = c.Values }))));

    // A condition belongs to a loaded guide version and never changes: serialised once, not on every page.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Condition, string> Conditions = new();

    private static string Op(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => "=",
        ConditionOperator.NotEqual => "!=",
        ConditionOperator.In => "in",
        ConditionOperator.Less => "<",
        ConditionOperator.LessOrEqual => "<=",
        ConditionOperator.Greater => ">",
        ConditionOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}

/// <summary>How a choice kind lays out its options: radio buttons or check boxes, with or without the level number.</summary>
public sealed record ChoiceLayout(QuestionField Field, bool Multiple, bool ShowValue);
