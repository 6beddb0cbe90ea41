using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;
using SelfEval.Web.Data;

namespace SelfEval.Web.Assessments;

/// <summary>A profile answer of the last round that the next round's version cannot take as it was.</summary>
/// <param name="Question">The question as the new version asks it.</param>
/// <param name="OldValue">The stored value as it was, e.g. an option value the new version no longer offers.</param>
public sealed record NotCarried(Question Question, string OldValue);

/// <summary>
/// Which profile answers travel into the next round: only those the new version's question accepts,
/// after following its renamed questions and option values. The rest is named, never dropped silently.
/// </summary>
public static class ProfileCarryOver
{
    public sealed record Plan(IReadOnlyList<StoredAnswer> Carried, IReadOnlyList<NotCarried> NotCarried);

    /// <param name="previousVersion">The version the answers were given with, to name old values by their label.</param>
    public static Plan For(IReadOnlyList<StoredAnswer> previous, Questionnaire next, Questionnaire? previousVersion = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var carried = new List<StoredAnswer>();
        var notCarried = new List<NotCarried>();
        foreach (var stored in previous)
        {
            var id = next.RenamedQuestions.GetValueOrDefault(stored.QuestionId, stored.QuestionId);

            // A question the new version no longer asks stays in the old round; there is nothing to answer again.
            if (next.FindQuestion(id) is not { IsProfile: true } question)
            {
                continue;
            }

            var answer = Renamed(next, question, stored.ToAnswer(question));
            if (answer is not null && AnswerRules.Fits(question, answer))
            {
                carried.Add(StoredAnswer.From(question.Id, answer));
            }
            else
            {
                notCarried.Add(new NotCarried(question, OldValue(stored, previousVersion?.FindQuestion(stored.QuestionId))));
            }
        }

        return new Plan(carried, notCarried);
    }

    private static Answer? Renamed(Questionnaire next, Question question, Answer? answer) =>
        answer is null ? null : question.Kind().Renamed(answer, value => next.CurrentOption(question.Id, value));

    private static string OldValue(StoredAnswer stored, Question? old)
    {
        string Label(string value) => old?.FindOption(value)?.Label ?? value;

        if (stored.NotRelevant)
        {
            return "nicht relevant";
        }

        if (stored.DontKnow)
        {
            return "weiß nicht";
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(stored.ValueJson ?? "null");
            var value = json.RootElement;
            return value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => Label(value.GetString()!),
                System.Text.Json.JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Label(v.ToString()))),
                System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                    or System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Undefined => value.ToString(),
                _ => throw new ArgumentOutOfRangeException(nameof(stored)),
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return stored.ValueJson ?? string.Empty;
        }
    }
}
