using System.Text.Json;
using System.Text.Json.Nodes;
using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Model.Kinds;

/// <summary>Any number of the question's options; not scored.</summary>
public sealed class MultiKind : QuestionKind<Answer.Choices>
{
    public override QuestionType Type => QuestionType.Multi;

    public override string Name => "multi";

    public override bool IsChoice => true;

    public override TallyShape Tally => TallyShape.Counts;

    public override bool SeveralPerPerson => true;

    public override int DecisionSeconds => 12;

    public override string TypeHint => "Mehrere Antworten möglich.";

    public override AnswerCheck Check(Question question, IReadOnlyList<string> values)
    {
        if (values.Any(v => question.FindOption(v) is null) || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            return Fail("Mindestens eine Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie nur angebotene Antworten.");
        }

        // Kept in the questionnaire's order, so the same choice always reads the same.
        return Ok(new Answer.Choices(question.Options.Select(o => o.Value).Where(values.Contains).ToArray()));
    }

    public override Answer? FromJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? new Answer.Choices(value.EnumerateArray().Select(v => v.GetString()!).ToArray()) : null;

    public override (Answer? Answer, string? Problem) FromExchange(Question question, JsonElement value) =>
        value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || question.FindOption(v.GetString()!) is null)
            ? (null, $"Erwartet wird eine Liste von Antwortwerten aus: {string.Join(", ", question.Options.Select(o => o.Value))}.")
            : (new Answer.Choices(value.EnumerateArray().Select(v => v.GetString()!).ToArray()), null);

    public override IReadOnlyList<Answer?> Scenarios(Question question, IReadOnlyList<string> named)
    {
        var values = named.Where(v => question.FindOption(v) is not null).ToList();
        var sets = new List<Answer?> { null };
        sets.AddRange(values.Select(v => (Answer?)new Answer.Choices([v])));
        if (values.Count > 1)
        {
            sets.Add(new Answer.Choices(values));
        }

        return sets;
    }

    public override Answer Renamed(Answer answer, Func<string, string> current) =>
        answer is Answer.Choices m ? new Answer.Choices(m.Values.Select(current).ToArray()) : answer;

    protected override IReadOnlyList<string> Form(Answer.Choices answer) => answer.Values;

    protected override string Json(Answer.Choices answer) => JsonSerializer.Serialize(answer.Values);

    protected override JsonNode Export(Answer.Choices answer) => new JsonArray(answer.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    protected override object Cell(Answer.Choices answer) => string.Join("|", answer.Values);

    protected override IReadOnlyList<string> Show(Question question, Answer.Choices answer) =>
        answer.Values.Select(v => question.Options.FirstOrDefault(o => o.Value == v)?.Label ?? v).ToList();

    /// <summary>"= x" means x is ticked, "!= x" that it is not; ticks have no order.</summary>
    protected override bool Match(Clause clause, Answer.Choices answer) => clause.Operator switch
    {
        ConditionOperator.Equal or ConditionOperator.In => clause.Values.Any(answer.Values.Contains),
        ConditionOperator.NotEqual => !clause.Values.Any(answer.Values.Contains),
        ConditionOperator.Less or ConditionOperator.LessOrEqual or ConditionOperator.Greater or ConditionOperator.GreaterOrEqual => false,
        _ => throw new ArgumentOutOfRangeException(nameof(clause)),
    };
}
