namespace SelfEval.Web.Assessments;

/// <summary>What coordinators and team members read about one initiative working through both guides.</summary>
public static class BothGuidesTexts
{
    public const string PanelTitle = "Beide Leitfäden";

    public static string PanelIntro(string thisTitle) =>
        $"Ihre Initiative bearbeitet „{thisTitle}“. Den anderen Leitfaden beginnen Sie hier, ohne das Profil noch einmal auszufüllen: " +
        "Es wird übernommen, Ihr Team laden Sie mit einem eigenen Einladungslink ein, und jede Person behält für jeden Leitfaden ihre eigenen Antworten.";

    public const string BothReached = "Ihr Koordinationslink führt zu beiden Leitfäden. Sie brauchen sich keinen zweiten Link zu merken.";

    /// <summary>On the second guide's page: the link that leads to both, which is the one to keep.</summary>
    public const string FirstLinkNote = "Diesen Leitfaden haben Sie von Ihrer ersten Koordinationsseite aus begonnen. Beide Leitfäden erreichen Sie mit jedem der beiden Koordinationslinks; am einfachsten behalten Sie Ihren ersten:";

    public const string FirstGone = "Die Selbstevaluation, von der aus dieser Leitfaden begonnen wurde, gibt es nicht mehr. Diese Seite erreichen Sie nur noch über den Koordinationslink oben.";

    public static string StartButton(string title) => $"„{title}“ beginnen …";

    public static string OpenLink(string title) => $"Zur Koordinationsseite für „{title}“";

    public const string Started = "Ihr Profil wurde übernommen. Laden Sie Ihr Team jetzt mit dem Einladungslink unten ein. Wer beim anderen Leitfaden schon mitmacht, sieht dazu auch auf seinem persönlichen Link einen Hinweis und kann mit einem Klick teilnehmen, unter demselben Namen.";

    // The start page of the other guide.
    public static string StartTitle(string title) => $"„{title}“ für Ihre Initiative beginnen";

    public static string StartLead(string from) =>
        $"Ihre Angaben zur Initiative sind aus „{from}“ übernommen. Prüfen Sie sie und ergänzen Sie, was fehlt. Danach erhalten Sie einen Einladungslink für Ihr Team; Ihr bisheriger Koordinationslink führt dann zu beiden Leitfäden.";

    public const string NotCarriedIntro = "Diese Angaben konnten nicht übernommen werden, weil der andere Leitfaden sie anders fragt. Bitte beantworten Sie sie unten neu:";

    public static string OptInCarried(string from, bool optIn) => optIn
        ? $"Für „{from}“ haben Sie dem anonymen Vergleich zugestimmt. Das Häkchen ist deshalb gesetzt; entfernen Sie es, wenn diese Zustimmung für den neuen Leitfaden nicht gelten soll."
        : $"Für „{from}“ haben Sie dem anonymen Vergleich nicht zugestimmt. Setzen Sie das Häkchen, wenn Sie für den neuen Leitfaden zustimmen möchten.";

    public const string CodeCarried = "Ihr Vergleichscode gilt auch für den neuen Leitfaden: Ein Code steht für eine Initiative und gilt je Leitfaden einmal. Im Vergleich zählt Ihre Initiative so in jedem Leitfaden genau einmal.";

    public const string Create = "Leitfaden beginnen";

    // Deleting one of the two.
    public static string StaysAfterFirstDeleted(string other) =>
        $"Gelöscht wird nur dieser Leitfaden. Die Selbstevaluation zu „{other}“ bleibt bestehen. Ihre Koordinationsseite erreichen Sie danach nur noch über ihren eigenen Link – speichern Sie ihn jetzt:";

    public static string StaysAfterSecondDeleted(string other) =>
        $"Gelöscht wird nur dieser Leitfaden. Die Selbstevaluation zu „{other}“ bleibt bestehen, und Ihr erster Koordinationslink führt weiter zu ihr. Diesen Leitfaden können Sie dort später neu beginnen.";

    // Team members.
    public static string MemberTitle(string title) => $"Ihr Team bearbeitet auch „{title}“";

    public static string MemberOffer(string title, string? label) =>
        $"Ihre Initiative hat auch den Leitfaden „{title}“ begonnen. Sie können mit einem Klick mitmachen{(label is null ? "" : $", wieder als „{label}“")} und mit derselben Wahl, wer Ihre einzelnen Antworten sieht. " +
        "Ihre Antworten bleiben für jeden Leitfaden getrennt. Dieser Link führt Sie auch später zu beiden.";

    public static string MemberJoin(string title) => $"Bei „{title}“ mitmachen";

    public static string MemberJoined(string title) => $"Sie machen auch bei „{title}“ mit. Dieser Link führt Sie zu beiden Leitfäden.";

    public static string MemberOpen(string title) => $"Zu „{title}“";
}
