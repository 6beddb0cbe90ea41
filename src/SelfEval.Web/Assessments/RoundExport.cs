using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;

namespace SelfEval.Web.Assessments;

/// <summary>
/// The initiative's own data for one round, in the exchange format documented in docs/EXPORT.md:
/// option values for choices, arrays for multiple choice, numbers, texts, "n/a" for not relevant, "weiß nicht",
/// and no key for an unanswered question. Answers appear one by one only for the coordinator and for
/// members who chose to share them (<see cref="RoundAnswers"/>); everyone counts in the team's figures.
/// </summary>
public sealed class RoundExport(RoundReader reader)
{
    public const string NotRelevant = "n/a";

    /// <summary>"Weiß nicht" as its own value, apart from "n/a"; the exchange reader takes it back.</summary>
    public const string DontKnow = SelfEval.Scoring.Exchange.ExchangeReader.DontKnow;

    /// <summary>The respondent cell of the CSV row that holds the whole team's figures.</summary>
    public const string TeamRow = "Team (zusammengefasst)";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson(Questionnaire questionnaire, RoundRecord round)
    {
        var data = reader.Read(round, questionnaire);
        var answers = RoundAnswers.Of(data);
        var root = new JsonObject
        {
            ["formatVersion"] = SelfEval.Scoring.Exchange.ExchangeReader.FormatVersion,
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
                ["evidence"] = Notes(questionnaire, p.Evidence),
            }).ToArray()),
            ["team"] = Team(questionnaire, answers.Team),
            ["conversation"] = Conversation(questionnaire, data.Conversation),
        };
        return root.ToJsonString(Json);
    }

    /// <summary>
    /// What the team settled in its conversation: the agreed answers by question in the order they were agreed, and the
    /// actions decided in this round with how far they got. Texts exactly as typed, as every text of the JSON; the
    /// conversation is the team's, so it names nobody's answers, only who takes on an action.
    /// </summary>
    private static JsonObject Conversation(Questionnaire questionnaire, TeamConversation conversation)
    {
        var agreed = new JsonObject();
        foreach (var a in conversation.Agreed)
        {
            agreed[a.QuestionId] = new JsonObject { ["answer"] = Value(questionnaire.FindQuestion(a.QuestionId)!, a.Answer), ["note"] = a.Note };
        }

        return new JsonObject
        {
            ["agreed"] = agreed,
            ["actions"] = new JsonArray(conversation.Actions.Select(a => (JsonNode)new JsonObject
            {
                ["question"] = a.QuestionId,
                ["what"] = a.What,
                ["who"] = a.Who,
                ["due"] = Day(a.Due),
                ["status"] = a.Status.Code(),
                ["statusRound"] = a.MarkedInRound,
            }).ToArray()),
        };
    }

    /// <summary>
    /// The team conversation as a table of its own, one row per agreed answer, then one per action: the answers' table
    /// has a column per question, which neither fits. Cells as there: values as in the answer columns, texts protected from formulas.
    /// </summary>
    public string ConversationCsv(Questionnaire questionnaire, RoundRecord round)
    {
        var conversation = reader.Read(round, questionnaire).Conversation;
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Csv.Writer(writer))
        {
            csv.WriteRecord(["round", "entry", "question", "agreed", "note", "what", "who", "due", "status", "status_round"]);
            foreach (var a in conversation.Agreed)
            {
                csv.WriteField(round.Number);
                csv.WriteField(AgreedEntry);
                csv.WriteField(a.QuestionId);
                Cell(csv, questionnaire.FindQuestion(a.QuestionId)!, a.Answer);
                Texts(csv, a.Note ?? string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
                csv.EndRecord();
            }

            foreach (var a in conversation.Actions)
            {
                csv.WriteField(round.Number);
                Texts(csv, ActionEntry, a.QuestionId, string.Empty, string.Empty, a.What, a.Who ?? string.Empty, Day(a.Due) ?? string.Empty, a.Status.Code());
                if (a.MarkedInRound is { } marked)
                {
                    csv.WriteField(marked);
                }
                else
                {
                    csv.WriteField(string.Empty);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return writer.ToString();
    }

    /// <summary>The <c>entry</c> cell of the conversation table's rows: an agreed answer, an action.</summary>
    public const string AgreedEntry = "agreed";

    public const string ActionEntry = "action";

    private static void Texts(CsvWriter csv, params string[] texts)
    {
        foreach (var text in texts)
        {
            csv.WriteField(text);
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// One row per person who shares (profile columns from the round's profile), then one row with the
    /// whole team's figures; one column per question of the guide.
    /// </summary>
    public string ToCsv(Questionnaire questionnaire, RoundRecord round)
    {
        var answers = reader.Answers(round, questionnaire);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Csv.Writer(writer))
        {
            var questions = questionnaire.Questions.ToList();
            var noted = questions.Where(Answering.Evidence.Offered).ToList();
            csv.WriteRecord(["round", "respondent", "finished_at", .. questions.Select(q => q.Id), .. noted.Select(EvidenceColumn)]);
            foreach (var person in answers.Shared)
            {
                csv.WriteField(round.Number);
                csv.WriteField(person.Label);
                csv.WriteField(person.FinishedAt ?? string.Empty);
                foreach (var question in questions)
                {
                    Cell(csv, question, (question.IsProfile ? answers.Profile : person.Answers).GetValueOrDefault(question.Id));
                }

                foreach (var question in noted)
                {
                    csv.WriteField(person.Evidence.GetValueOrDefault(question.Id) ?? string.Empty);
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
                    Cell(csv, question, answers.Profile.GetValueOrDefault(question.Id));
                }
                else
                {
                    csv.WriteField(TeamCell(question, answers.Team.For(question.Id)));
                }
            }

            // The notes as the texts are: sorted, separated by a blank line, nobody's name.
            foreach (var question in noted)
            {
                csv.WriteField(string.Join("\n\n", answers.Team.For(question.Id).Evidence));
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
            switch (question.Kind().Tally)
            {
                case TallyShape.Numbers:
                    entry["numbers"] = new JsonArray(tally.Numbers.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
                    break;
                case TallyShape.Texts:
                    entry["texts"] = new JsonArray(tally.Texts.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
                    break;
                case TallyShape.Counts:
                    entry["counts"] = new JsonObject(tally.Counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value))));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(questionnaire));
            }

            entry["notRelevant"] = tally.NotRelevant;
            if (question.AllowsDontKnow)
            {
                entry["dontKnow"] = tally.DontKnow;
            }

            entry["notAsked"] = tally.NotAsked;
            entry["unanswered"] = tally.Unanswered;
            if (Answering.Evidence.Offered(question))
            {
                entry["evidence"] = new JsonArray(tally.Evidence.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
                entry["withEvidence"] = tally.WithEvidence;
            }

            questions[question.Id] = entry;
        }

        return new JsonObject { ["respondents"] = team.Respondents, ["answers"] = questions };
    }

    /// <summary>"3:2|4:1" for choices, sorted numbers joined by "|", texts separated by a blank line; "n/a:1" for "nicht relevant", "weiß nicht:1" for "weiß nicht".</summary>
    private static string TeamCell(Question question, QuestionTally tally)
    {
        var texts = question.Kind().Tally == TallyShape.Texts;
        var parts = question.Kind().Tally switch
        {
            TallyShape.Numbers => tally.Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList(),
            TallyShape.Texts => tally.Texts.Count == 0 ? [] : [string.Join("\n\n", tally.Texts)],
            TallyShape.Counts => tally.Counts.Select(c => $"{c.Key}:{c.Value}").ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(question)),
        };
        if (tally.NotRelevant > 0)
        {
            parts.Add($"{NotRelevant}:{tally.NotRelevant}");
        }

        if (tally.DontKnow > 0)
        {
            parts.Add($"{DontKnow}:{tally.DontKnow}");
        }

        return string.Join(texts ? "\n\n" : "|", parts);
    }

    private static JsonObject Values(Questionnaire questionnaire, IReadOnlyDictionary<string, Answer> answers)
    {
        var result = new JsonObject();
        foreach (var question in questionnaire.Questions.Where(q => answers.ContainsKey(q.Id)))
        {
            result[question.Id] = Value(question, answers[question.Id]);
        }

        return result;
    }

    private static JsonNode? Value(Question question, Answer answer) =>
        answer is Answer.NotRelevant ? NotRelevant
        : answer is Answer.DontKnow ? DontKnow
        : question.Kind().Takes(answer) ? question.Kind().ExportValue(answer)
        : null;

    /// <summary>The CSV column of a question's evidence notes, after all answer columns.</summary>
    public static string EvidenceColumn(Question question) => question.Id + ".evidence";

    private static JsonObject Notes(Questionnaire questionnaire, IReadOnlyDictionary<string, string> evidence)
    {
        var result = new JsonObject();
        foreach (var question in questionnaire.Questions.Where(q => evidence.ContainsKey(q.Id)))
        {
            result[question.Id] = evidence[question.Id];
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
    private static void Cell(CsvWriter csv, Question question, Answer? answer)
    {
        var cell = answer is null ? string.Empty
            : answer is Answer.NotRelevant ? NotRelevant
            : answer is Answer.DontKnow ? DontKnow
            : question.Kind().Takes(answer) ? question.Kind().ExportCell(answer)
            : string.Empty;
        if (cell is decimal number)
        {
            csv.WriteField(number);
        }
        else
        {
            csv.WriteField((string)cell);
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
