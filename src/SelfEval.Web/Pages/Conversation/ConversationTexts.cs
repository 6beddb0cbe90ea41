using System.Globalization;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>What the team conversation (Teamgespräch) says, in plain German.</summary>
public static class ConversationTexts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string Title = "Teamgespräch";

    public const string Intro = "Im Teamgespräch gehen Sie die Fragen durch, bei denen Ihr Team am weitesten auseinanderliegt – die größte Uneinigkeit zuerst. Sie sehen, wie viele Personen welche Stufe gewählt haben, aber nicht, wer. Halten Sie fest, worauf sich das Team einigt, warum, und was Sie sich vornehmen.";

    public const string NoTopics = "Ihr Team hat bei keiner Frage um zwei oder mehr Stufen auseinandergelegen. Sie können trotzdem Fragen besprechen, zum Beispiel die Entwicklungsfelder aus dem Profil.";

    public const string OpenRound = "Der Durchgang ist noch offen: Solange noch jemand antwortet, können sich Verteilung und Themen ändern.";

    /// <summary>The summary's link to the conversation as a table (see docs/EXPORT.md), for minutes or a spreadsheet.</summary>
    public const string DownloadTable = "Als Tabelle herunterladen (CSV)";

    public const string NoAnswers = "Zu dieser Frage liegen in diesem Durchgang noch keine Antworten vor.";

    public const string Anonymous = "Ohne Namen: Die Übersicht zeigt nur, wie oft jede Antwort gewählt wurde.";

    public const string LargeOn = "Große Schrift (für Beamer)";

    public const string LargeOff = "Normale Schrift";

    public const string NoteLabel = "Warum? Kurze Begründung (freiwillig)";

    public const string NoteHint = "Ein, zwei Sätze, die Sie im nächsten Jahr wieder verstehen.";

    public const string ActionLegend = "Maßnahme (freiwillig)";

    public const string WhatLabel = "Was wollen Sie tun?";

    public const string WhoLabel = "Wer kümmert sich?";

    public const string DueLabel = "Bis wann?";

    public const string DueHint = "Datum, zum Beispiel 30.06.2027";

    public const string Saved = "Gespeichert.";

    public const string NotSaved = "Nichts wurde gespeichert; was Sie vorher gespeichert hatten, bleibt unverändert. Bitte korrigieren Sie die markierten Angaben.";

    public const string UnknownField = "Das Formular enthielt Angaben zu einer anderen Frage; es wurde nichts gespeichert.";

    public static string NoteTooLong => $"Die Begründung ist zu lang. Bitte fassen Sie sie in höchstens {SelfEval.Web.Assessments.ConversationStore.NoteLimit} Zeichen.";

    public static string WhatTooLong => $"Die Maßnahme ist zu lang. Bitte beschreiben Sie sie in höchstens {SelfEval.Web.Assessments.ConversationStore.WhatLimit} Zeichen.";

    public static string WhoTooLong => $"Bitte nennen Sie die Zuständigen in höchstens {SelfEval.Web.Assessments.ConversationStore.WhoLimit} Zeichen.";

    public const string WhatMissing = "Bitte beschreiben Sie, was getan werden soll – oder leeren Sie die Felder „Wer“ und „Bis wann“.";

    public const string DueInvalid = "Bitte geben Sie das Datum als TT.MM.JJJJ an, zum Beispiel 30.06.2027.";

    public const string UnknownTopic = "Diese Frage gibt es in diesem Leitfaden nicht als bewertete Frage. Bitte wählen Sie eine Frage aus der Liste.";

    public const string ActionsMarked = "Der Stand der Maßnahmen ist gespeichert.";

    public static string Position(int index, int count) => $"Thema {index} von {count}";

    public static string Spread(int steps) => steps switch
    {
        0 => "alle gleich",
        1 => "1 Stufe auseinander",
        _ => $"{steps} Stufen auseinander",
    };

    public static string People(int n) => n == 1 ? "1 Person" : $"{n} Personen";

    public static string LastTime(string answer) => $"Im letzten Durchgang hat sich Ihr Team auf „{answer}“ geeinigt.";

    /// <summary>The action's status in the words the profile uses for it, so the meeting and the Maßnahmenplan agree.</summary>
    public static string Status(ActionStatus status) => SelfEval.Web.Reports.ProfileTexts.Status(status);

    public static string Due(DateOnly? due) => due is { } d ? d.ToString("dd.MM.yyyy", German) : "ohne Termin";

    /// <summary>The agreed answer in the question's own words: "3 – weitgehend", "weiß nicht", a number in German notation.</summary>
    public static string Answer(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        string Option(string v) => question.FindOption(v) is { } o ? question.Type == QuestionType.Scale ? $"{o.Value} – {o.Label}" : o.Label : v;
        return answer switch
        {
            Scoring.Model.Answer.NotRelevant => "nicht relevant für unsere Ziele",
            Scoring.Model.Answer.DontKnow => "weiß nicht",
            Scoring.Model.Answer.Choice c => Option(c.Value),
            Scoring.Model.Answer.Choices c => string.Join(", ", c.Values.Select(Option)),
            Scoring.Model.Answer.Number n => n.Value.ToString("#,##0.##", German),
            Scoring.Model.Answer.Text t => t.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        };
    }

    /// <summary>Reads a due date as typed: the date field's yyyy-MM-dd, or German TT.MM.JJJJ where the browser has no date picker.</summary>
    public static bool TryDue(string? typed, out DateOnly? due)
    {
        due = null;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var formats = new[] { "yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy", "d.M.yy" };
        if (DateOnly.TryParseExact(typed.Trim(), formats, German, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100)
        {
            due = parsed;
            return true;
        }

        return false;
    }
}
