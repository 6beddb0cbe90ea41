using System.Globalization;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Scoring.Model;

public enum ConditionOperator { Equal, NotEqual, In, Less, LessOrEqual, Greater, GreaterOrEqual }

/// <summary>One comparison, e.g. <c>phase in gruendung, aufbau</c>.</summary>
public sealed record Clause(string QuestionId, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>
    /// An unanswered or "nicht relevant" question makes every clause about it false (even "!="), so that
    /// a follow-up never appears on the strength of an answer nobody gave. "Weiß nicht" is an answer, but
    /// equal to no option and no number: only "!=" holds for it.
    /// </summary>
    public bool IsMet(Answer? answer) => answer is Answer.DontKnow
        ? Operator == ConditionOperator.NotEqual
        : answer is not null && QuestionKinds.Storing(answer) is { } kind && kind.Matches(this, answer);

    /// <summary>The ordering operators against the clause's first value; false for the others.</summary>
    internal bool Compare(decimal actual)
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
            ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.In => false,
            _ => throw new ArgumentOutOfRangeException(nameof(Operator)),
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
