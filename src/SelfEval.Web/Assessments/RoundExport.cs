using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;

namespace SelfEval.Web.Assessments;

/// <summary>
/// The initiative's own data for one round, in the exchange format documented in docs/EXPORT.md:
/// option values for choices, arrays for multiple choice, numbers, texts, "n/a" for not relevant,
/// and no key for an unanswered question.
/// </summary>
public sealed class RoundExport(AssessmentStore assessments, ResponseStore responses)
{
    public const string NotRelevant = "n/a";

    /// <summary>The respondent cell of the CSV row that holds the whole team's figures.</summary>
    public const string TeamRow = "Team (zusammengefasst)";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Person(string Label, string? FinishedAt, IReadOnlyDictionary<string, Answer> Answers);

    private (IReadOnlyDictionary<string, Answer> Profile, List<Person> People) Read(Questionnaire questionnaire, RoundRecord round)
    {
        var profile = AssessmentAccess.Read(questionnaire, assessments.GetProfile(round.Id));
        var respondents = assessments.GetRespondents(round.Id);
        var labels = RespondentLabels.For(respondents);
        var answers = responses.GetForRound(round.Id);
        var people = respondents
            .Select(r => new Person(labels[r.Id], r.FinishedAt, AssessmentAccess.Read(questionnaire, answers.GetValueOrDefault(r.Id) ?? [])))
            .ToList();
        return (profile, people);
    }

    public string ToJson(Questionnaire questionnaire, RoundRecord round)
    {
        var (profile, people) = Read(questionnaire, round);
        var root = new JsonObject
        {
            ["questionnaire"] = new JsonObject { ["id"] = questionnaire.Id, ["version"] = questionnaire.Version, ["hash"] = questionnaire.Hash },
            ["initiative"] = Values(questionnaire, profile),
            ["round"] = new JsonObject { ["number"] = round.Number, ["closedAt"] = round.ClosedAt },
            ["respondents"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject
            {
                ["label"] = p.Label,
                ["finishedAt"] = p.FinishedAt,
                ["answers"] = Values(questionnaire, p.Answers),
                ["notRelevantReasons"] = Reasons(questionnaire, p.Answers),
            }).ToArray()),
        };
        return root.ToJsonString(Json);
    }

    /// <summary>One row per person, one column per question of the guide (profile columns from the round's profile).</summary>
    public string ToCsv(Questionnaire questionnaire, RoundRecord round)
    {
        var (profile, people) = Read(questionnaire, round);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, options: null, leaveOpen: true))
        {
            var questions = questionnaire.Questions.ToList();
            csv.WriteRecord(["round", "respondent", "finished_at", .. questions.Select(q => q.Id)]);
            foreach (var person in people)
            {
                csv.WriteRecord(
                [
                    round.Number.ToString(CultureInfo.InvariantCulture), person.Label, person.FinishedAt ?? string.Empty,
                    .. questions.Select(q => Cell((q.IsProfile ? profile : person.Answers).GetValueOrDefault(q.Id))),
                ]);
            }

            csv.Flush();
        }

        return writer.ToString();
    }

    private static JsonObject Values(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers)
    {
        var result = new JsonObject();
        foreach (var question in questionnaire.Questions.Where(q => answers.ContainsKey(q.Id)))
        {
            result[question.Id] = answers[question.Id] switch
            {
                Answer.NotRelevant => NotRelevant,
                Answer.Choice c => c.Value,
                Answer.Choices m => new JsonArray(m.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                Answer.Number n => JsonValue.Create(n.Value),
                Answer.Text t => t.Value,
                _ => null,
            };
        }

        return result;
    }

    private static JsonObject Reasons(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers)
    {
        var result = new JsonObject();
        foreach (var question in questionnaire.Questions)
        {
            if (answers.GetValueOrDefault(question.Id) is Answer.NotRelevant { Justification: { } why })
            {
                result[question.Id] = why;
            }
        }

        return result;
    }

    private static string Cell(Answer? answer) => answer switch
    {
        null => string.Empty,
        Answer.NotRelevant => NotRelevant,
        Answer.Choice c => c.Value,
        Answer.Choices m => string.Join("|", m.Values),
        Answer.Number n => n.Value.ToString(CultureInfo.InvariantCulture),
        Answer.Text t => t.Value,
        _ => string.Empty,
    };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
