using System.Text.Json;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Scoring.Exchange;

/// <summary>A problem in an exchange file, located by its JSON path.</summary>
public sealed record ExchangeProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <param name="Respondents">The people whose answers the file lists one by one (in exports since 1.1 only those who shared them).</param>
/// <param name="Team">The whole team's figures the profile is scored from: the file's <c>team</c>, or, in files without one, counted from <paramref name="Respondents"/>.</param>
public sealed record ExchangeData(
    string InitiativeName,
    int RoundNumber,
    IReadOnlyDictionary<string, Answer> Profile,
    IReadOnlyList<RespondentAnswers> Respondents,
    TeamTally Team)
{
    /// <summary>What the team agreed and took on in its conversation (format version 2); none in older files.</summary>
    public TeamConversation Conversation { get; init; } = TeamConversation.None;
}

/// <summary>
/// Reads the exchange JSON the coordinator's export writes (docs/EXPORT.md) against a questionnaire,
/// reporting every problem with its path instead of guessing.
/// </summary>
public static class ExchangeReader
{
    public const string NotRelevant = "n/a";

    /// <summary>"Weiß nicht" in the answers of an exchange file, as the round export writes it.</summary>
    public const string DontKnow = "weiß nicht";

    /// <summary>
    /// The version of the exchange format the export writes (<c>formatVersion</c>): 2 added the team conversation.
    /// Files without the field are version 1. Additions a reader may ignore keep the version; a higher one is refused,
    /// since it would mean something this reader cannot read.
    /// </summary>
    public const int FormatVersion = 2;

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

            if (root.TryGetProperty("formatVersion", out var version) && !(Int(version, out var v) && v is >= 1 and <= FormatVersion))
            {
                problems.Add(new("$.formatVersion", $"Diese Version des Austauschformats kann SelfEval nicht lesen; es liest die Versionen 1 bis {FormatVersion}."));
                return (null, problems);
            }

            if (root.TryGetProperty("questionnaire", out var meta) && meta.TryGetProperty("id", out var id) && id.GetString() != questionnaire.Id)
            {
                problems.Add(new("$.questionnaire.id", $"Die Datei gehört zum Leitfaden '{id.GetString()}', nicht zu '{questionnaire.Id}'."));
            }

            var profile = root.TryGetProperty("initiative", out var initiative)
                ? Answers(initiative, "$.initiative", questionnaire, profileOnly: true, problems)
                : new Dictionary<string, Answer>();
            var round = root.TryGetProperty("round", out var r) && r.TryGetProperty("number", out var n) && Int(n, out var number) ? number : 1;

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

            // Files written before people chose what to share list everyone one by one and have no team figures.
            var team = root.TryGetProperty("team", out var t)
                ? Team(t, questionnaire, problems) with { Profile = profile } // the advice reads the initiative's phase from the figures
                : TeamTally.Of(questionnaire, profile, respondents.Select(p => p.Answers).ToList());

            var conversation = root.TryGetProperty("conversation", out var c) ? Conversation(c, questionnaire, round, problems) : TeamConversation.None;
            var name = ProfileFacts.InitiativeName(profile);
            return problems.Count > 0 ? (null, problems) : (new ExchangeData(name, round, profile, respondents, team) { Conversation = conversation }, problems);
        }
    }

    private static TeamTally Team(JsonElement element, Questionnaire questionnaire, List<ExchangeProblem> problems)
    {
        var questions = new Dictionary<string, QuestionTally>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("respondents", out var n) || !Int(n, out var respondents) || respondents < 0)
        {
            problems.Add(new("$.team.respondents", "Erwartet wird die Zahl der Personen im Team (0 oder mehr)."));
            return new TeamTally(0, questions);
        }

        if (!element.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("$.team.answers", "Erwartet wird ein Objekt der Form {\"frage-id\": {…}}."));
            return new TeamTally(respondents, questions);
        }

        foreach (var property in answers.EnumerateObject())
        {
            var at = $"$.team.answers.{property.Name}";
            var question = questionnaire.FindQuestion(property.Name);
            if (question is null || question.IsProfile)
            {
                problems.Add(new(at, question is null
                    ? $"Die Frage '{property.Name}' gibt es im Leitfaden '{questionnaire.Id}' (Version {questionnaire.Version}) nicht."
                    : $"'{property.Name}' ist eine Profilfrage und gehört unter initiative."));
                continue;
            }

            if (Tally(property.Value, at, question, respondents, problems) is { } tally)
            {
                questions[question.Id] = tally;
            }
        }

        return new TeamTally(respondents, questions);
    }

    private static QuestionTally? Tally(JsonElement value, string at, Question question, int respondents, List<ExchangeProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(at, "Erwartet wird ein Objekt mit counts, numbers oder texts und notRelevant, dontKnow, notAsked, unanswered."));
            return null;
        }

        var before = problems.Count;
        int Count(string name)
        {
            if (!value.TryGetProperty(name, out var v))
            {
                return 0;
            }

            if (Int(v, out var i) && i >= 0)
            {
                return i;
            }

            problems.Add(new($"{at}.{name}", "Erwartet wird eine Anzahl (0 oder mehr)."));
            return 0;
        }

        var (notRelevant, notAsked, unanswered, dontKnow) = (Count("notRelevant"), Count("notAsked"), Count("unanswered"), Count("dontKnow"));
        if (notRelevant > 0 && !question.AllowsNotRelevant)
        {
            problems.Add(new($"{at}.notRelevant", "Diese Frage lässt „nicht relevant“ (n/a) nicht zu."));
        }

        if (dontKnow > 0 && !question.AllowsDontKnow)
        {
            problems.Add(new($"{at}.dontKnow", "Diese Frage lässt „weiß nicht“ nicht zu."));
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbers = new List<decimal>();
        var texts = new List<string>();
        var expected = question.Kind().Tally switch
        {
            TallyShape.Numbers => "numbers",
            TallyShape.Texts => "texts",
            TallyShape.Counts => "counts",
            _ => throw new ArgumentOutOfRangeException(nameof(question)),
        };
        // Evidence notes beside the figures (issue 16): texts without names, and how many scored answers had one.
        var notes = new List<string>();
        var withEvidence = Count("withEvidence");
        if (value.TryGetProperty("evidence", out var evidence))
        {
            if (evidence.ValueKind == JsonValueKind.Array && evidence.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                notes.AddRange(evidence.EnumerateArray().Select(v => v.GetString()!));
            }
            else
            {
                problems.Add(new($"{at}.evidence", "Erwartet wird eine Liste von Texten."));
            }
        }

        foreach (var property in value.EnumerateObject().Where(p => p.Name is not ("notRelevant" or "notAsked" or "unanswered" or "dontKnow" or "evidence" or "withEvidence")))
        {
            var path = $"{at}.{property.Name}";
            if (property.Name != expected)
            {
                problems.Add(new(path, $"Für diese Frage wird {expected} erwartet, nicht {property.Name}."));
                continue;
            }

            switch (expected)
            {
                case "counts" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var c in property.Value.EnumerateObject())
                    {
                        if (question.FindOption(c.Name) is null)
                        {
                            problems.Add(new($"{path}.{c.Name}", $"Der Wert \"{c.Name}\" liegt nicht auf der Skala; möglich sind: {string.Join(", ", question.Options.Select(o => o.Value))}."));
                        }
                        else if (!Int(c.Value, out var k) || k < 0)
                        {
                            problems.Add(new($"{path}.{c.Name}", "Erwartet wird eine Anzahl (0 oder mehr)."));
                        }
                        else if (k > 0)
                        {
                            counts[c.Name] = k;
                        }
                    }

                    break;
                case "numbers" when property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out _)):
                    numbers.AddRange(property.Value.EnumerateArray().Select(v => v.GetDecimal()));
                    break;
                case "texts" when property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    texts.AddRange(property.Value.EnumerateArray().Select(v => v.GetString()!));
                    break;
                default:
                    problems.Add(new(path, expected == "counts" ? "Erwartet wird ein Objekt der Form {\"wert\": anzahl}." : expected == "numbers" ? "Erwartet wird eine Liste von Zahlen." : "Erwartet wird eine Liste von Texten."));
                    break;
            }
        }

        // Everyone in the team is counted once per question, except in multiple choice, where one person may pick several.
        var people = (question.Kind().SeveralPerPerson ? 0 : counts.Values.Sum()) + numbers.Count + texts.Count + notRelevant + notAsked + unanswered + dontKnow;
        if (problems.Count == before && !question.Kind().SeveralPerPerson && people != respondents)
        {
            problems.Add(new(at, $"Die Angaben ergeben zusammen {(people == 1 ? "1 Person" : $"{people} Personen")}, das Team hat aber {respondents} (team.respondents)."));
        }

        if (withEvidence > counts.Values.Sum())
        {
            problems.Add(new($"{at}.withEvidence", "Es können nicht mehr Antworten einen Beleg haben, als Antworten gezählt sind."));
        }

        var ordered = question.Options.Where(o => counts.ContainsKey(o.Value)).ToDictionary(o => o.Value, o => counts[o.Value], StringComparer.Ordinal);
        return new QuestionTally(ordered, numbers.Order().ToList(), texts.Order(StringComparer.Ordinal).ToList(), notRelevant, notAsked, unanswered)
        {
            DontKnow = dontKnow,
            Evidence = notes.Order(StringComparer.Ordinal).ToList(),
            WithEvidence = withEvidence,
        };
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

            if (Value(question, property.Value, at, problems) is { } answer)
            {
                answers[question.Id] = answer;
            }
        }

        return answers;
    }

    /// <summary>A whole number, and false for anything else (a string too, which <see cref="JsonElement.TryGetInt32"/> would throw on).</summary>
    private static bool Int(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    /// <summary>One answer as the format writes it (see docs/EXPORT.md); null with a problem where the question cannot take it.</summary>
    private static Answer? Value(Question question, JsonElement value, string at, List<ExchangeProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() == NotRelevant)
        {
            if (!question.AllowsNotRelevant)
            {
                problems.Add(new(at, "Diese Frage lässt „nicht relevant“ (n/a) nicht zu."));
                return null;
            }

            return new Answer.NotRelevant(null);
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() == DontKnow)
        {
            if (!question.AllowsDontKnow)
            {
                problems.Add(new(at, "Diese Frage lässt „weiß nicht“ nicht zu."));
                return null;
            }

            return new Answer.DontKnow();
        }

        var (answer, problem) = question.Kind().FromExchange(question, value);
        if (problem is not null)
        {
            problems.Add(new(at, problem));
            return null;
        }

        return answer;
    }

    /// <summary>
    /// The team conversation: <c>agreed</c> keyed by question id ({"answer": value, "note": text}), <c>actions</c> a list
    /// ({"question", "what", "who", "due", "status", "statusRound"}); the actions were decided in the file's round.
    /// </summary>
    private static TeamConversation Conversation(JsonElement element, Questionnaire questionnaire, int round, List<ExchangeProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("$.conversation", "Erwartet wird ein Objekt mit agreed und actions."));
            return TeamConversation.None;
        }

        Question? Discussable(string id, string at)
        {
            var question = questionnaire.FindQuestion(id);
            if (question is null || question.IsProfile)
            {
                problems.Add(new(at, question is null
                    ? $"Die Frage '{id}' gibt es im Leitfaden '{questionnaire.Id}' (Version {questionnaire.Version}) nicht."
                    : $"'{id}' ist eine Profilfrage; über sie spricht das Team nicht."));
                return null;
            }

            return question;
        }

        string? Text(JsonElement owner, string name, string at, bool required = false)
        {
            if (!owner.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    problems.Add(new($"{at}.{name}", "Erwartet wird ein Text."));
                }

                return null;
            }

            if (v.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(v.GetString())))
            {
                problems.Add(new($"{at}.{name}", "Erwartet wird ein Text."));
                return null;
            }

            return v.GetString();
        }

        var agreed = new List<AgreedAnswer>();
        if (element.TryGetProperty("agreed", out var agreements))
        {
            if (agreements.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new("$.conversation.agreed", "Erwartet wird ein Objekt der Form {\"frage-id\": {\"answer\": wert, \"note\": text}}."));
            }
            else
            {
                foreach (var property in agreements.EnumerateObject())
                {
                    var at = $"$.conversation.agreed.{property.Name}";
                    if (Discussable(property.Name, at) is not { } question)
                    {
                        continue;
                    }

                    if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("answer", out var value))
                    {
                        problems.Add(new(at, "Erwartet wird ein Objekt mit answer und note."));
                        continue;
                    }

                    var note = Text(property.Value, "note", at);
                    if (Value(question, value, at + ".answer", problems) is { } answer)
                    {
                        agreed.Add(new AgreedAnswer(question.Id, answer, note));
                    }
                }
            }
        }

        var actions = new List<TeamAction>();
        if (element.TryGetProperty("actions", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new("$.conversation.actions", "Erwartet wird eine Liste von Maßnahmen."));
            }
            else
            {
                var i = 0;
                foreach (var action in list.EnumerateArray())
                {
                    var at = $"$.conversation.actions[{i++}]";
                    if (action.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new(at, "Erwartet wird ein Objekt mit question, what, who, due, status und statusRound."));
                        continue;
                    }

                    var question = Text(action, "question", at, required: true) is { } id ? Discussable(id, at + ".question") : null;
                    var what = Text(action, "what", at, required: true);
                    var who = Text(action, "who", at);
                    DateOnly? due = null;
                    if (Text(action, "due", at) is { } day)
                    {
                        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
                        {
                            due = d;
                        }
                        else
                        {
                            problems.Add(new($"{at}.due", "Erwartet wird ein Datum der Form 2027-03-31."));
                        }
                    }

                    var status = action.TryGetProperty("status", out var s) ? ActionStatusCodes.Parse(s.ValueKind == JsonValueKind.String ? s.GetString() : null) : ActionStatus.Open;
                    if (status is null)
                    {
                        problems.Add(new($"{at}.status", $"Erwartet wird einer der Werte {string.Join(", ", Enum.GetValues<ActionStatus>().Select(x => x.Code()))}."));
                    }

                    int? marked = null;
                    if (action.TryGetProperty("statusRound", out var m) && m.ValueKind != JsonValueKind.Null)
                    {
                        if (Int(m, out var n) && n > round)
                        {
                            marked = n;
                        }
                        else
                        {
                            problems.Add(new($"{at}.statusRound", "Erwartet wird die Nummer eines späteren Durchgangs oder null."));
                        }
                    }

                    if (question is not null && what is not null && status is { } st)
                    {
                        actions.Add(new TeamAction(i, question.Id, what, who, due, st, round) { MarkedInRound = marked });
                    }
                }
            }
        }

        return agreed.Count == 0 && actions.Count == 0 ? TeamConversation.None : new TeamConversation(agreed, actions);
    }
}
