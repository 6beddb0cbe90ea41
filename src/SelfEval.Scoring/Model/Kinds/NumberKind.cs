using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Model.Kinds;

/// <summary>A number within the question's optional min and max; not scored.</summary>
public sealed class NumberKind : QuestionKind<Answer.Number>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public override QuestionType Type => QuestionType.Number;

    public override string Name => "number";

    public override bool IsChoice => false;

    public override TallyShape Tally => TallyShape.Numbers;

    public override int DecisionSeconds => 10;

    public override string TypeHint => "Bitte eine Zahl eintragen.";

    public override AnswerCheck Check(Question question, IReadOnlyList<string> values)
    {
        if (values.Count > 1)
        {
            return Fail(NumberReading.NotANumberMessage);
        }

        var (number, error) = AnswerRules.ReadNumber(values[0]);
        if (error is not null)
        {
            return Fail(error);
        }

        if (question.Min is { } min && number < min || question.Max is { } max && number > max)
        {
            return Fail($"Bitte geben Sie eine Zahl von {Format(question.Min)} bis {Format(question.Max)} ein.");
        }

        return Ok(new Answer.Number(number));
    }

    /// <summary>For the script, which compares numbers with a point.</summary>
    public override IReadOnlyList<string> ScriptValues(Answer answer) =>
        answer is Answer.Number n ? [n.Value.ToString(CultureInfo.InvariantCulture)] : [];

    public override Answer? FromJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? new Answer.Number(value.GetDecimal()) : null;

    public override (Answer? Answer, string? Problem) FromExchange(Question question, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d)
            ? (new Answer.Number(d), null)
            : (null, "Erwartet wird eine Zahl.");

    /// <summary>Each named number and its neighbours, so both sides of a limit are tried.</summary>
    public override IReadOnlyList<Answer?> Scenarios(Question question, IReadOnlyList<string> named)
    {
        var numbers = named.Select(v => Clause.TryNumber(v, out var n) ? n : (decimal?)null)
            .OfType<decimal>()
            .SelectMany(n => new[] { n - 1, n, n + 1 })
            .Distinct()
            .Select(n => (Answer?)new Answer.Number(n))
            .ToList();
        numbers.Add(null);
        return numbers;
    }

    /// <summary>As a German reader types it: "12,5".</summary>
    protected override IReadOnlyList<string> Form(Answer.Number answer) => [answer.Value.ToString("0.##########", German)];

    protected override string Json(Answer.Number answer) => answer.Value.ToString(CultureInfo.InvariantCulture);

    protected override JsonNode Export(Answer.Number answer) => JsonValue.Create(answer.Value);

    protected override object Cell(Answer.Number answer) => answer.Value;

    // A year reads without a thousands separator, a count of members with one.
    protected override IReadOnlyList<string> Show(Question question, Answer.Number answer) =>
        [answer.Value is >= 1000 and <= 2999 && answer.Value == Math.Floor(answer.Value) && question.Max is <= 2999
            ? answer.Value.ToString("0", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))
            : answer.Value.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))];

    protected override bool Match(Clause clause, Answer.Number answer) => clause.Operator switch
    {
        ConditionOperator.Equal or ConditionOperator.In => clause.Values.Any(v => Clause.TryNumber(v, out var x) && x == answer.Value),
        ConditionOperator.NotEqual => !clause.Values.Any(v => Clause.TryNumber(v, out var x) && x == answer.Value),
        ConditionOperator.Less or ConditionOperator.LessOrEqual or ConditionOperator.Greater or ConditionOperator.GreaterOrEqual => clause.Compare(answer.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(clause)),
    };

    private static string Format(decimal? value) => value?.ToString("0.##", German) ?? "…";
}
