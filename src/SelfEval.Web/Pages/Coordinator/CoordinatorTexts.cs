using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>What the coordinator page says after a step (<see cref="CoordinatorNotice"/>).</summary>
public static class CoordinatorTexts
{
    public const string Closed = "Der Durchgang ist abgeschlossen. Niemand kann mehr Antworten ändern.";

    public const string NewRoundNotCarried = "Ein neuer Durchgang hat begonnen. Ihr Profil wurde übernommen, bis auf die Angaben unten: Diese Fragen haben sich geändert, und Ihre bisherige Antwort passt nicht mehr zu den Antworten, die es jetzt gibt. Bitte beantworten Sie sie im Profil neu. Laden Sie Ihr Team mit dem Einladungslink erneut ein.";

    public const string NewRound = "Ein neuer Durchgang hat begonnen. Ihr Profil wurde übernommen; laden Sie Ihr Team mit dem Einladungslink erneut ein.";

    public const string Reopened = "Der Durchgang ist wieder offen. Alle können ihre Antworten wieder ändern. Schließen Sie ihn erneut ab, wenn alle fertig sind.";

    public const string AnswersReopened = "Die Antworten sind wieder geöffnet und können geändert werden.";

    public const string NewInvite = "Es gibt einen neuen Einladungslink. Der bisherige funktioniert nicht mehr; wer schon teilnimmt, behält seinen persönlichen Link.";

    public const string ProfileSaved = "Das Profil Ihrer Initiative ist gespeichert.";

    public const string ComparisonSaved = "Ihre Entscheidung zum anonymen Vergleich ist gespeichert.";

    public const string CodeWithoutConsent = "Ihr Vergleichscode ist gespeichert. Damit Ihre Ergebnisse in den anonymen Vergleich einfließen, setzen Sie noch das Häkchen bei der Zustimmung und speichern Sie.";

    public const string CodeSaved = "Ihr Vergleichscode ist gespeichert. Ihre Initiative zählt im anonymen Vergleich, sobald ein abgeschlossener Durchgang im nächsten Datenstand der Servicestelle enthalten ist.";

    public static string TooEarly(DateOnly earliest, int days) =>
        $"Ein neuer Durchgang kann frühestens am {earliest:dd.MM.yyyy} beginnen: Zwischen dem Beginn zweier Durchgänge liegen mindestens {days} Tage.";

    /// <summary>
    /// The sentence of the notice box; <see cref="CoordinatorNotice.Created"/> and <see cref="CoordinatorNotice.OtherGuideStarted"/>
    /// have boxes of their own, and a new round only says so while it is the latest.
    /// </summary>
    public static string? Notice(CoordinatorNotice? notice, bool notCarried, Func<string> tooEarly) => notice switch
    {
        CoordinatorNotice.Closed => Closed,
        CoordinatorNotice.NewRound => notCarried ? NewRoundNotCarried : NewRound,
        CoordinatorNotice.Reopened => Reopened,
        CoordinatorNotice.AnswersReopened => AnswersReopened,
        CoordinatorNotice.NewInvite => NewInvite,
        CoordinatorNotice.ProfileSaved => ProfileSaved,
        CoordinatorNotice.ActionsMarked => SelfEval.Web.Pages.Conversation.ConversationTexts.ActionsMarked,
        CoordinatorNotice.Removed => PeopleTexts.Removed,
        CoordinatorNotice.Merged => PeopleTexts.Merged,
        CoordinatorNotice.Released => PeopleTexts.Released,
        CoordinatorNotice.Withdrawn => PeopleTexts.Withdrawn,
        CoordinatorNotice.ComparisonSaved => ComparisonSaved,
        CoordinatorNotice.CodeWithoutConsent => CodeWithoutConsent,
        CoordinatorNotice.CodeSaved => CodeSaved,
        CoordinatorNotice.TooEarly => tooEarly(),
        CoordinatorNotice.Kept => RetentionTexts.Kept,
        CoordinatorNotice.Created or CoordinatorNotice.OtherGuideStarted or null => null,
        _ => null,
    };
}
