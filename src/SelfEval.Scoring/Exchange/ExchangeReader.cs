using System.Text.Json;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Scoring.Exchange;

/// <summary>A problem in an exchange file, located by its JSON path.</summary>
public sealed record ExchangeProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

public sealed record ExchangeData(
    string InitiativeName,
    int RoundNumber,
    IReadOnlyDictionary<string, Answer> Profile,
    IReadOnlyList<RespondentAnswers> Respondents);

/// <summary>
/// Reads the exchange JSON the coordinator's export writes (docs/EXPORT.md) against a questionnaire,
/// reporting every problem with its path instead of guessing.
/// </summary>
public static class ExchangeReader
{
    public const string NotRelevant = "n/a";

    public static (ExchangeData? Data, IReadOnlyList<ExchangeProblem> Problems) Read(string json, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var problems = new List<ExchangeProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return (null, [new ExchangeProblem($"$ (Zeile {(ex.LineNumber ?? 0) + 1})", "Die Datei ist kein gültiges JSON.")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ExchangeProblem("$", "Erwartet wird ein JSON-Objekt mit questionnaire, initiative, round und respondents.")]);
            }

            if (root.TryGetProperty("questionnaire", out var meta) && meta.TryGetProperty("id", out var id) && id.GetString() != questionnaire.Id)
            {
                problems.Add(new("$.questionnaire.id", $"Die Datei gehört zum Leitfaden '{id.GetString()}', nicht zu '{questionnaire.Id}'."));
            }

            var profile = root.TryGetProperty("initiative", out var initiative)
                ? Answers(initiative, "$.initiative", questionnaire, profileOnly: true, problems)
                : new Dictionary<string, Answer>();
            var round = root.TryGetProperty("round", out var r) && r.TryGetProperty("number", out var n) && n.TryGetInt32(out var number) ? number : 1;

            var respondents = new List<RespondentAnswers>();
            if (!root.TryGetProperty("respondents", out var people) || people.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new("$.respondents", "Es fehlt die Liste der Antwortenden (respondents)."));
            }
            else
            {
                var i = 0;
                foreach (var person in people.EnumerateArray())
                {
                    var path = $"$.respondents[{i}]";
                    var label = person.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : $"Person {i + 1}";
                    var answers = person.TryGetProperty("answers", out var a)
                        ? Answers(a, path + ".answers", questionnaire, profileOnly: false, problems)
                        : new Dictionary<string, Answer>();
                    respondents.Add(new RespondentAnswers(label, answers));
                    i++;
                }
            }

            var name = ProfileFacts.InitiativeName(profile);
            return problems.Count > 0 ? (null, problems) : (new ExchangeData(name, round, profile, respondents), problems);
        }
    }

    private static Dictionary<string, Answer> Answers(JsonElement element, string path, Questionnaire questionnaire, bool profileOnly, List<ExchangeProblem> problems)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "Erwartet wird ein Objekt der Form {\"frage-id\": wert}."));
            return answers;
        }

        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            var question = questionnaire.FindQuestion(property.Name);
            if (question is null || question.IsProfile != profileOnly)
            {
                problems.Add(new(at, question is null
                    ? $"Die Frage '{property.Name}' gibt es im Leitfaden '{questionnaire.Id}' (Version {questionnaire.Version}) nicht."
                    : profileOnly ? $"'{property.Name}' ist keine Profilfrage." : $"'{property.Name}' ist eine Profilfrage und gehört unter initiative."));
                continue;
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String && value.GetString() == NotRelevant)
            {
                if (!question.AllowsNotRelevant)
                {
                    problems.Add(new(at, "Diese Frage lässt „nicht relevant“ (n/a) nicht zu."));
                    continue;
                }

                answers[question.Id] = new Answer.NotRelevant(null);
                continue;
            }

            var (answer, problem) = question.Type switch
            {
                QuestionType.Scale or QuestionType.YesNo or QuestionType.Single => value.ValueKind != JsonValueKind.String
                    ? (null, "Erwartet wird der Antwortwert als Text, z. B. \"3\".")
                    : question.FindOption(value.GetString()!) is null
                        ? (null, $"Der Wert \"{value.GetString()}\" liegt nicht auf der Skala; möglich sind: {string.Join(", ", question.Options.Select(o => o.Value))}.")
                        : ((Answer?)new Answer.Choice(value.GetString()!), (string?)null),
                QuestionType.Multi => value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || question.FindOption(v.GetString()!) is null)
                    ? (null, $"Erwartet wird eine Liste von Antwortwerten aus: {string.Join(", ", question.Options.Select(o => o.Value))}.")
                    : (new Answer.Choices(value.EnumerateArray().Select(v => v.GetString()!).ToArray()), null),
                QuestionType.Number => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d)
                    ? (new Answer.Number(d), null)
                    : (null, "Erwartet wird eine Zahl."),
                _ => value.ValueKind == JsonValueKind.String
                    ? (new Answer.Text(value.GetString()!), null)
                    : (null, "Erwartet wird ein Text."),
            };
            if (problem is not null)
            {
                problems.Add(new(at, problem));
            }
            else
            {
                answers[question.Id] = answer!;
            }
        }

        return answers;
    }
}
