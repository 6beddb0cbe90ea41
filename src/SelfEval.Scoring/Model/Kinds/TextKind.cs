using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Model.Kinds;

/// <summary>A line of text, up to <see cref="AnswerRules.TextLimit"/> characters; not scored, never in a condition.</summary>
public class TextKind : QuestionKind<Answer.Text>
{
    public override QuestionType Type => QuestionType.Text;

    public override string Name => "text";

    public override bool IsChoice => false;

    public override TallyShape Tally => TallyShape.Texts;

    public override int DecisionSeconds => 20;

    public override int? MaxLength => AnswerRules.TextLimit;

    public override AnswerCheck Check(Question question, IReadOnlyList<string> values)
    {
        var text = string.Join("\n", values);
        var limit = MaxLength ?? AnswerRules.TextLimit;
        return text.Length > limit
            ? Fail($"Der Text ist zu lang: höchstens {Thousands(limit)} Zeichen, Sie haben {Thousands(text.Length)}. Bitte kürzen Sie ihn.")
            : Ok(new Answer.Text(text));
    }

    /// <summary>Conditions never name a text, so the script needs none.</summary>
    public override IReadOnlyList<string> ScriptValues(Answer answer) => [];

    public override Answer? FromJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? new Answer.Text(value.GetString()!) : null;

    public override (Answer? Answer, string? Problem) FromExchange(Question question, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? (new Answer.Text(value.GetString()!), null)
            : (null, "Erwartet wird ein Text.");

    protected override IReadOnlyList<string> Form(Answer.Text answer) => [answer.Value];

    protected override string Json(Answer.Text answer) => JsonSerializer.Serialize(answer.Value);

    protected override JsonNode Export(Answer.Text answer) => JsonValue.Create(answer.Value);

    protected override object Cell(Answer.Text answer) => answer.Value;

    protected override IReadOnlyList<string> Show(Question question, Answer.Text answer) => [answer.Value];

    protected override bool Match(Clause clause, Answer.Text answer) => false;

    private static string Thousands(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));
}
