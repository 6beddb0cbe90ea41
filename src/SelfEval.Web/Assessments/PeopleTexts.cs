namespace SelfEval.Web.Assessments;

/// <summary>
/// What the coordinator and the members read about removing, merging, new links and the team profile released to
/// the team: the pages, notices and tests use these words.
/// </summary>
public static class PeopleTexts
{
    /// <summary>The smallest team whose profile members may see: with two, each could subtract their own answers and read the other's.</summary>
    public const int TeamMinimum = SelfEval.Scoring.Statistics.Anonymity.MinimumK;

    public const string RemoveAction = "Entfernen";

    public const string MergeAction = "Zusammenführen";

    public const string ReissueAction = "Link neu ausstellen";

    public const string RemoveWithAnswers = "Mit den Antworten entfernen";

    public const string RemoveWithAnswersHint = "Die Antworten werden gelöscht und zählen im Teamprofil nicht mehr.";

    public const string RemoveKeepAnswers = "Antworten im Teamprofil behalten";

    public const string RemoveKeepAnswersHint = "Der persönliche Link funktioniert nicht mehr. Die bisherigen Antworten zählen weiter in den Zahlen des Teams, als abgeschlossen.";

    public const string RemoveChoiceMissing = "Bitte wählen Sie, was mit den Antworten geschehen soll.";

    public const string MergeChoiceMissing = "Bitte wählen Sie den zweiten Eintrag derselben Person.";

    public const string ClosedFirst = "Der Durchgang ist abgeschlossen. Öffnen Sie ihn wieder, um Personen zu entfernen oder Einträge zusammenzuführen.";

    public const string Removed = "Die Person ist entfernt. Ihr persönlicher Link funktioniert nicht mehr.";

    public const string Merged = "Die beiden Einträge sind zusammengeführt. Der Link des anderen Eintrags funktioniert nicht mehr.";

    public const string Released = "Das Teamprofil ist für Ihr Team freigegeben. Alle sehen es über ihren persönlichen Link.";

    public const string Withdrawn = "Die Freigabe ist zurückgenommen. Das Teamprofil sieht wieder nur die Koordination.";

    public static string KeptCount(int kept) => kept == 1
        ? "Die Antworten einer entfernten Person zählen weiter im Teamprofil."
        : $"Die Antworten von {kept} entfernten Personen zählen weiter im Teamprofil.";

    /// <summary>On the merge page: what happens to the answers, the link and the sharing choice.</summary>
    public const string MergeRule =
        "Die Antworten werden zusammengelegt. Hat die Person eine Frage in beiden Einträgen beantwortet, gilt die zuletzt geänderte Antwort. " +
        "Der Link des anderen Eintrags funktioniert danach nicht mehr. " +
        "Bei der Frage, wer die einzelnen Antworten sieht, gilt die zurückhaltendere der beiden Entscheidungen. " +
        "Abgeschlossen ist der Eintrag nur, wenn der behaltene Eintrag schon abgeschlossen war.";

    /// <summary>On the reissue page, for a member who shares by name.</summary>
    public const string ReissueShared =
        "Diese Person teilt ihre einzelnen Antworten mit Namen. Der neue Link zeigt ihre bisherigen Antworten, und sie kann weitermachen, wo sie aufgehört hat.";

    /// <summary>On the reissue page, for a member who does not share by name: why the new link starts empty.</summary>
    public const string ReissueHidden =
        "Diese Person teilt ihre einzelnen Antworten nicht mit Namen. Weil Sie den neuen Link in der Hand haben, zeigt er ihre bisherigen Antworten nicht – " +
        "sonst könnten Sie sie darüber lesen. Die bisherigen Antworten zählen weiter in den Zahlen des Teams. " +
        "Die Person kann die Fragen neu beantworten; neue Antworten ersetzen die alten.";

    /// <summary>
    /// On the reissue page before confirming, for a finished member whose answers the new link hides in an open round:
    /// the new link holder must answer again, so the person is no longer finished.
    /// </summary>
    public static string ReissueUnfinishes(string label) =>
        $"„{label}“ hat die Antworten bereits abgeschlossen. Weil der neue Link die bisherigen Antworten nicht zeigt, gilt die Person danach als nicht abgeschlossen: " +
        "Sie beantwortet die Fragen über den neuen Link noch einmal und schließt dann erneut ab. Bis dahin zählen ihre bisherigen Antworten in den Zahlen des Teams.";

    /// <summary>In the coordinator's team table, beside someone whose reissued link hides their earlier answers.</summary>
    public const string ReissuedRow = "neuer Link – beantwortet die Fragen neu";

    public const string ReissueOldStops = "Der bisherige Link funktioniert ab sofort nicht mehr.";

    public const string ReissueShownOnce = "Geben Sie diesen Link an die Person weiter. Er wird nur jetzt angezeigt; wir speichern ihn nicht lesbar.";

    /// <summary>
    /// On the member's pages when their link was reissued and their earlier answers are not shown; in a closed round
    /// nobody answers again, so the note does not offer it.
    /// </summary>
    public static string HiddenNote(int hidden, bool closed = false) =>
        $"Ihr Link wurde von der Koordination neu ausgestellt. Damit niemand über diesen Link Ihre Antworten lesen kann, zeigt er Ihre bisherigen Antworten nicht ({hidden} {(hidden == 1 ? "Antwort" : "Antworten")}). " +
        (closed
            ? "Sie zählen in den Zahlen des Teams, so wie Sie sie abgegeben haben."
            : "Sie zählen weiter in den Zahlen des Teams. Sie können die Fragen neu beantworten; eine neue Antwort ersetzt die alte.");

    /// <summary>The invitation's promise, true since the coordinator can release the team profile.</summary>
    public const string InvitePromise = "So sieht Ihr Team, wo es sich einig ist und worüber es sprechen sollte – die Koordination kann das Teamprofil für alle im Team freigeben.";

    public const string ReleaseTitle = "Teamprofil für das Team";

    public const string ReleaseExplained =
        "Geben Sie das Teamprofil frei, sehen es alle im Team über ihren persönlichen Link, als Seite und als PDF. " +
        "Es zeigt nur die Zahlen des ganzen Teams und Texte ohne Namen – nie die einzelnen Antworten, die Personen mit Ihnen teilen.";

    public static readonly string ReleaseMinimum =
        $"Das Team sieht das Profil erst, wenn mindestens {TeamMinimum} Personen geantwortet haben: Bei zweien könnte jede aus dem Profil die Antworten der anderen ablesen.";

    public const string NotReleased = "Die Koordination hat das Teamprofil dieses Durchgangs noch nicht für das Team freigegeben.";

    public static readonly string TooFewForTeam =
        $"Das Teamprofil ist freigegeben, wird aber erst gezeigt, wenn mindestens {TeamMinimum} Personen geantwortet haben: Bei weniger könnte man aus dem Profil die Antworten Einzelner ablesen.";

    public const string TeamViewNote = "Das Profil des ganzen Teams, von der Koordination freigegeben. Es zeigt keine Namen und keine einzelnen Antworten.";

    public const string TeamViewLink = "Teamprofil ansehen";

    /// <summary>On a member's own results: where the team's profile is.</summary>
    public const string OwnNote = "Das Profil des ganzen Teams sieht die Koordination; sie kann es für alle im Team freigeben.";
}
