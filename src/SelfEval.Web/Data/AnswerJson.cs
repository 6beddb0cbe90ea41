using System.Globalization;
using System.Text.Json;
using SelfEval.Scoring.Model;

namespace SelfEval.Web.Data;

/// <summary>An answer as stored: a JSON value plus the "nicht relevant" flag and its reason.</summary>
public sealed record StoredAnswer(string QuestionId, string? ValueJson, bool NotRelevant, string? Justification)
{
    public static StoredAnswer From(string questionId, Answer answer) => answer switch
    {
        Answer.NotRelevant n => new(questionId, null, true, n.Justification),
        Answer.Choice c => new(questionId, JsonSerializer.Serialize(c.Value), false, null),
        Answer.Choices m => new(questionId, JsonSerializer.Serialize(m.Values), false, null),
        Answer.Number n => new(questionId, n.Value.ToString(CultureInfo.InvariantCulture), false, null),
        Answer.Text t => new(questionId, JsonSerializer.Serialize(t.Value), false, null),
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    /// <summary>Reads the answer back in the shape its question expects; null if the question changed shape.</summary>
    public Answer? ToAnswer(Question? question)
    {
        if (NotRelevant)
        {
            return new Answer.NotRelevant(Justification);
        }

        if (ValueJson is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(ValueJson);
        var value = json.RootElement;
        return (question?.Type, value.ValueKind) switch
        {
            (QuestionType.Multi, JsonValueKind.Array) => new Answer.Choices(value.EnumerateArray().Select(v => v.GetString()!).ToArray()),
            (QuestionType.Number, JsonValueKind.Number) => new Answer.Number(value.GetDecimal()),
            (QuestionType.Text or QuestionType.LongText, JsonValueKind.String) => new Answer.Text(value.GetString()!),
            (QuestionType.Scale or QuestionType.YesNo or QuestionType.Single, JsonValueKind.String) => new Answer.Choice(value.GetString()!),
            _ => null,
        };
    }
}
