using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Web.Data;

/// <summary>An answer as stored: a JSON value (written by the question's kind) or one of the two flags, "nicht relevant" with its reason and "weiß nicht".</summary>
public sealed record StoredAnswer(string QuestionId, string? ValueJson, bool NotRelevant, string? Justification, bool DontKnow = false)
{
    /// <summary>
    /// What the person bases the answer on: a short note or a link, or null. Kept apart from the answer, so a
    /// note may stand without one (the row then reads back as no answer) and the answer's shape stays as it was.
    /// </summary>
    public string? Evidence { get; init; }

    /// <summary>The kind that stores this shape of answer writes it; every kind of one shape writes it alike.</summary>
    public static StoredAnswer From(string questionId, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer is Answer.NotRelevant n ? new(questionId, null, true, n.Justification)
            : answer is Answer.DontKnow ? new(questionId, null, false, null, DontKnow: true)
            : new(questionId, (QuestionKinds.Storing(answer) ?? throw new ArgumentOutOfRangeException(nameof(answer))).ToJson(answer), false, null);
    }

    /// <summary>Reads the answer back in the shape its question expects; null if the question changed shape.</summary>
    public Answer? ToAnswer(Question? question)
    {
        if (NotRelevant)
        {
            return new Answer.NotRelevant(Justification);
        }

        if (DontKnow)
        {
            return new Answer.DontKnow();
        }

        if (ValueJson is null || question is null)
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(ValueJson);
        return question.Kind().FromJson(json.RootElement);
    }
}
