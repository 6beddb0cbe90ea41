using System.Text.Json;
using System.Text.Json.Nodes;
using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Model.Kinds;

/// <summary>One of the question's options: the shared base of scale, yes/no and single choice.</summary>
public abstract class ChoiceKind : QuestionKind<Answer.Choice>
{
    public override bool IsChoice => true;

    public override TallyShape Tally => TallyShape.Counts;

    public override AnswerCheck Check(Question question, IReadOnlyList<string> values) =>
        values.Count > 1 || question.FindOption(values[0]) is null
            ? Fail("Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten.")
            : Ok(new Answer.Choice(values[0]));

    public override Answer? FromJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? new Answer.Choice(value.GetString()!) : null;

    public override (Answer? Answer, string? Problem) FromExchange(Question question, JsonElement value) =>
        value.ValueKind != JsonValueKind.String
            ? (null, "Erwartet wird der Antwortwert als Text, z. B. \"3\".")
            : question.FindOption(value.GetString()!) is null
                ? (null, $"Der Wert \"{value.GetString()}\" liegt nicht auf der Skala; möglich sind: {string.Join(", ", question.Options.Select(o => o.Value))}.")
                : (new Answer.Choice(value.GetString()!), null);

    public override IReadOnlyList<Answer?> Scenarios(Question question, IReadOnlyList<string> named)
    {
        var choices = named.Where(v => question.FindOption(v) is not null).Select(v => (Answer?)new Answer.Choice(v)).ToList();
        var other = question.Options.FirstOrDefault(o => !named.Contains(o.Value));
        choices.Add(other is null ? null : new Answer.Choice(other.Value));
        return choices;
    }

    public override Answer Renamed(Answer answer, Func<string, string> current) =>
        answer is Answer.Choice c ? new Answer.Choice(current(c.Value)) : answer;

    protected override IReadOnlyList<string> Form(Answer.Choice answer) => [answer.Value];

    protected override string Json(Answer.Choice answer) => JsonSerializer.Serialize(answer.Value);

    protected override JsonNode Export(Answer.Choice answer) => JsonValue.Create(answer.Value);

    protected override object Cell(Answer.Choice answer) => answer.Value;

    protected override IReadOnlyList<string> Show(Question question, Answer.Choice answer) =>
        [question.Options.FirstOrDefault(o => o.Value == answer.Value)?.Label ?? answer.Value];

    /// <summary>Equal and in name options; the ordering operators read the value as a number (scale levels).</summary>
    protected override bool Match(Clause clause, Answer.Choice answer) => clause.Operator switch
    {
        ConditionOperator.Equal or ConditionOperator.In => clause.Values.Contains(answer.Value),
        ConditionOperator.NotEqual => !clause.Values.Contains(answer.Value),
        ConditionOperator.Less or ConditionOperator.LessOrEqual or ConditionOperator.Greater or ConditionOperator.GreaterOrEqual =>
            Clause.TryNumber(answer.Value, out var n) && clause.Compare(n),
            _ => throw new ArgumentOutOfRangeException(nameof(clause)),
    };

    protected override decimal? Score(Question question, Answer.Choice answer) =>
        Scored ? question.FindOption(answer.Value)?.Points : null;
}
