using System.Text.Json;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;

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
    public string Name => AnswerForm.FieldName(Question);

    public string JustificationName => AnswerForm.JustificationName(Question);

    public string DomId => "frage-" + Question.Id;

    public string ErrorId => "fehler-" + Question.Id;

    /// <summary>Is this option selected, by what was just typed or else by what is saved.</summary>
    public bool IsSelected(string value) => Raw is not null
        ? Raw.Values.Contains(value)
        : Saved switch
        {
            Answer.Choice c => c.Value == value,
            Answer.Choices m => m.Values.Contains(value),
            _ => false,
        };

    public bool IsNotRelevant => Raw?.NotRelevant ?? Saved is Answer.NotRelevant;

    public string Justification => Raw?.Justification ?? (Saved as Answer.NotRelevant)?.Justification ?? string.Empty;

    public string TextValue => Raw is not null
        ? string.Join("\n", Raw.Values)
        : Saved switch
        {
            Answer.Text t => t.Value,
            Answer.Number n => n.Value.ToString("0.##########", System.Globalization.CultureInfo.GetCultureInfo("de-DE")),
            _ => string.Empty,
        };

    public int? MaxLength => Question.Type switch
    {
        QuestionType.Text => AnswerRules.TextLimit,
        QuestionType.LongText => AnswerRules.LongTextLimit,
        _ => null,
    };

    /// <summary>The condition as data for the page's script, which shows and hides questions as people answer.</summary>
    public static string? ConditionJson(Condition? condition) => condition is null
        ? null
        : JsonSerializer.Serialize(condition.AnyOf.Select(g => g.Select(c => new { q = c.QuestionId, op = Op(c.Operator), v = c.Values })));

    private static string Op(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => "=",
        ConditionOperator.NotEqual => "!=",
        ConditionOperator.In => "in",
        ConditionOperator.Less => "<",
        ConditionOperator.LessOrEqual => "<=",
        ConditionOperator.Greater => ">",
        _ => ">=",
    };
}
