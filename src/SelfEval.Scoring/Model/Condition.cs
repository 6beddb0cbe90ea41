using System.Diagnostics;
using System.Globalization;

namespace SelfEval.Scoring.Model;

public enum ConditionOperator { Equal, NotEqual, In, Less, LessOrEqual, Greater, GreaterOrEqual }

/// <summary>One comparison, e.g. <c>phase in gruendung, aufbau</c>.</summary>
public sealed record Clause(string QuestionId, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>
    /// An unanswered or "nicht relevant" question makes every clause about it false, so that
    /// a follow-up never appears on the strength of an answer nobody gave.
    /// </summary>
    public bool IsMet(Answer? answer) => answer switch
    {
        null or Answer.NotRelevant or Answer.Text => false,
        Answer.Choice c => Operator switch
        {
            ConditionOperator.Equal or ConditionOperator.In => Values.Contains(c.Value),
            ConditionOperator.NotEqual => !Values.Contains(c.Value),
            ConditionOperator.Less or ConditionOperator.LessOrEqual or ConditionOperator.Greater or ConditionOperator.GreaterOrEqual
                => TryNumber(c.Value, out var n) && Compare(n),
            _ => throw new UnreachableException($"Operator {Operator} is not handled."),
        },
        Answer.Choices m => Operator switch
        {
            ConditionOperator.Equal or ConditionOperator.In => Values.Any(m.Values.Contains),
            ConditionOperator.NotEqual => !Values.Any(m.Values.Contains),
            ConditionOperator.Less or ConditionOperator.LessOrEqual or ConditionOperator.Greater or ConditionOperator.GreaterOrEqual => false,
            _ => throw new UnreachableException($"Operator {Operator} is not handled."),
        },
        Answer.Number n => Operator switch
        {
            ConditionOperator.Equal or ConditionOperator.In => Values.Any(v => TryNumber(v, out var x) && x == n.Value),
            ConditionOperator.NotEqual => !Values.Any(v => TryNumber(v, out var x) && x == n.Value),
            ConditionOperator.Less or ConditionOperator.LessOrEqual or ConditionOperator.Greater or ConditionOperator.GreaterOrEqual => Compare(n.Value),
            _ => throw new UnreachableException($"Operator {Operator} is not handled."),
        },
        _ => false,
    };

    private bool Compare(decimal actual)
    {
        if (!TryNumber(Values[0], out var limit))
        {
            return false;
        }

        return Operator switch
        {
            ConditionOperator.Less => actual < limit,
            ConditionOperator.LessOrEqual => actual <= limit,
            ConditionOperator.Greater => actual > limit,
            ConditionOperator.GreaterOrEqual => actual >= limit,
            ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.In => false, // only reached for the four comparisons
            _ => throw new UnreachableException($"Operator {Operator} is not handled."),
        };
    }

    internal static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}

/// <summary>A condition in disjunctive normal form: any of the groups, each group all of its clauses.</summary>
public sealed record Condition(string Text, IReadOnlyList<IReadOnlyList<Clause>> AnyOf)
{
    public IEnumerable<Clause> Clauses => AnyOf.SelectMany(g => g);

    public bool IsMet(Func<string, Answer?> answerOf) =>
        AnyOf.Any(group => group.All(clause => clause.IsMet(answerOf(clause.QuestionId))));
}
