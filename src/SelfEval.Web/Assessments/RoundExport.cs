using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;

namespace SelfEval.Web.Assessments;

/// <summary>
/// The initiative's own data for one round, in the exchange format documented in docs/EXPORT.md:
/// option values for choices, arrays for multiple choice, numbers, texts, "n/a" for not relevant,
/// and no key for an unanswered question. Answers appear one by one only for the coordinator and for
/// members who chose to share them (<see cref="RoundAnswers"/>); everyone counts in the team's figures.
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

    public string ToJson(Questionnaire questionnaire, RoundRecord round)
    {
        var answers = RoundAnswers.Read(assessments, responses, questionnaire, round);
        var root = new JsonObject
        {
            ["questionnaire"] = new JsonObject { ["id"] = questionnaire.Id, ["version"] = questionnaire.Version, ["hash"] = questionnaire.Hash },
            ["initiative"] = Values(questionnaire, answers.Profile),
            ["round"] = new JsonObject { ["number"] = round.Number, ["closedAt"] = round.ClosedAt },
            ["respondents"] = new JsonArray(answers.Shared.Select(p => (JsonNode)new JsonObject
            {
                ["label"] = p.Label,
                ["sharing"] = p.Respondent.IsCoordinator ? "coordinator" : p.Respondent.Sharing.Value(),
                ["finishedAt"] = p.FinishedAt,
                ["answers"] = Values(questionnaire, p.Answers),
                ["notRelevantReasons"] = Reasons(questionnaire, p.Answers),
            }).ToArray()),
            ["team"] = Team(questionnaire, answers.Team),
        };
        return root.ToJsonString(Json);
    }

    /// <summary>
    /// One row per person who shares (profile columns from the round's profile), then one row with the
    /// whole team's figures; one column per question of the guide.
    /// </summary>
    public string ToCsv(Questionnaire questionnaire, RoundRecord round)
    {
        var answers = RoundAnswers.Read(assessments, responses, questionnaire, round);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Csv.Writer(writer))
        {
            var questions = questionnaire.Questions.ToList();
            csv.WriteRecord(["round", "respondent", "finished_at", .. questions.Select(q => q.Id)]);
            foreach (var person in answers.Shared)
            {
                csv.WriteField(round.Number);
                csv.WriteField(person.Label);
                csv.WriteField(person.FinishedAt ?? string.Empty);
                foreach (var question in questions)
                {
                    Cell(csv, (question.IsProfile ? answers.Profile : person.Answers).GetValueOrDefault(question.Id));
                }

                csv.EndRecord();
            }

            csv.WriteField(round.Number);
            csv.WriteField(TeamRow);
            csv.WriteField(string.Empty);
            foreach (var question in questions)
            {
                if (question.IsProfile)
                {
                    Cell(csv, answers.Profile.GetValueOrDefault(question.Id));
                }
                else
                {
                    csv.WriteField(TeamCell(question, answers.Team.For(question.Id)));
                }
            }

            csv.EndRecord();
            csv.Flush();
        }

        return writer.ToString();
    }

    /// <summary>Per question of the guide: how often each answer was given, numbers and texts sorted, and nobody's name.</summary>
    private static JsonObject Team(Questionnaire questionnaire, TeamTally team)
    {
        var questions = new JsonObject();
        foreach (var question in questionnaire.Questions.Where(q => !q.IsProfile))
        {
            var tally = team.For(question.Id);
            var entry = new JsonObject();
            switch (question.Type)
            {
                case QuestionType.Number:
                    entry["numbers"] = new JsonArray(tally.Numbers.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
                    break;
                case QuestionType.Text or QuestionType.LongText:
                    entry["texts"] = new JsonArray(tally.Texts.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
                    break;
                default:
                    entry["counts"] = new JsonObject(tally.Counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value))));
                    break;
            }

            entry["notRelevant"] = tally.NotRelevant;
            entry["notAsked"] = tally.NotAsked;
            entry["unanswered"] = tally.Unanswered;
            questions[question.Id] = entry;
        }

        return new JsonObject { ["respondents"] = team.Respondents, ["answers"] = questions };
    }

    /// <summary>"3:2|4:1" for choices, sorted numbers joined by "|", texts separated by a blank line; "n/a:1" for "nicht relevant".</summary>
    private static string TeamCell(Question question, QuestionTally tally)
    {
        var parts = question.Type switch
        {
            QuestionType.Number => tally.Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList(),
            QuestionType.Text or QuestionType.LongText => tally.Texts.Count == 0 ? [] : [string.Join("\n\n", tally.Texts)],
            _ => tally.Counts.Select(c => $"{c.Key}:{c.Value}").ToList(),
        };
        if (tally.NotRelevant > 0)
        {
            parts.Add($"{NotRelevant}:{tally.NotRelevant}");
        }

        return string.Join(question.Type is QuestionType.Text or QuestionType.LongText ? "\n\n" : "|", parts);
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

    /// <summary>Numbers as numbers; everything else, typed text included, as text the writer protects from formulas.</summary>
    private static void Cell(CsvWriter csv, Answer? answer)
    {
        switch (answer)
        {
            case Answer.Number n:
                csv.WriteField(n.Value);
                break;
            default:
                csv.WriteField(answer switch
                {
                    Answer.NotRelevant => NotRelevant,
                    Answer.Choice c => c.Value,
                    Answer.Choices m => string.Join("|", m.Values),
                    Answer.Text t => t.Value,
                    _ => string.Empty,
                });
                break;
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
