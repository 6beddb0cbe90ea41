using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

/// <summary>
/// <c>phase in gruendung, aufbau und rechtsform != ev oder gruendungsjahr >= 2020</c>:
/// clauses joined by <c>und</c> (binding tighter) and <c>oder</c>. No parentheses: authors
/// write several simple conditions rather than one clever one.
/// </summary>
internal static partial class ConditionParser
{
    [GeneratedRegex(@"\s+(?:oder|or)\s+")]
    private static partial Regex Or();

    [GeneratedRegex(@"\s+(?:und|and)\s+")]
    private static partial Regex And();

    [GeneratedRegex(@"^(?<id>[a-z0-9][a-z0-9-]*)\s*(?:(?<op>!=|<=|>=|=|<|>)\s*(?<value>[^,\s]+)|\s+in\s+(?<list>.+))$")]
    private static partial Regex ClausePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex ValuePattern();

    public static bool TryParse(string text, [NotNullWhen(true)] out Condition? condition, [NotNullWhen(false)] out string? problem)
    {
        condition = null;
        var groups = new List<IReadOnlyList<Clause>>();
        foreach (var part in Or().Split(text.Trim()))
        {
            var clauses = new List<Clause>();
            foreach (var clauseText in And().Split(part.Trim()))
            {
                var clause = ParseClause(clauseText.Trim(), out var clauseProblem);
                if (clause is null)
                {
                    problem = clauseProblem ?? "unbekannter Fehler.";
                    return false;
                }

                clauses.Add(clause);
            }

            groups.Add(clauses);
        }

        condition = new Condition(text.Trim(), groups);
        problem = null;
        return true;
    }

    private static Clause? ParseClause(string text, out string? problem)
    {
        problem = null;
        var match = ClausePattern().Match(text);
        if (!match.Success)
        {
            problem = $"'{text}' hat nicht die Form 'frage-id = wert', 'frage-id != wert', 'frage-id in wert1, wert2' oder 'frage-id >= zahl'.";
            return null;
        }

        var id = match.Groups["id"].Value;
        if (match.Groups["list"].Success)
        {
            var values = match.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries);
            if (values.Any(v => !ValuePattern().IsMatch(v)))
            {
                problem = $"Nach 'in' folgen Werte, durch Komma getrennt, z. B. 'phase in gruendung, aufbau'.";
                return null;
            }

            return new Clause(id, ConditionOperator.In, values);
        }

        var value = match.Groups["value"].Value;
        var op = match.Groups["op"].Value switch
        {
            "=" => ConditionOperator.Equal,
            "!=" => ConditionOperator.NotEqual,
            "<" => ConditionOperator.Less,
            "<=" => ConditionOperator.LessOrEqual,
            ">" => ConditionOperator.Greater,
            _ => ConditionOperator.GreaterOrEqual,
        };
        if (!ValuePattern().IsMatch(value))
        {
            problem = $"Der Wert '{value}' ist kein Antwortwert (Kleinbuchstaben, Ziffern, Bindestriche) und keine Zahl.";
            return null;
        }

        if (op is not (ConditionOperator.Equal or ConditionOperator.NotEqual) && !Clause.TryNumber(value, out _))
        {
            problem = $"Mit '{match.Groups["op"].Value}' wird mit einer Zahl verglichen, '{value}' ist keine.";
            return null;
        }

        return new Clause(id, op, [value]);
    }
}
