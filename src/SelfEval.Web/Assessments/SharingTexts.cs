namespace SelfEval.Web.Assessments;

/// <summary>
/// Every sentence people read about who sees their answers, in one place: the join, start, review and
/// coordinator pages, the profile (page and PDF) and the tests all use these words, so what a person was
/// told before answering and what each output does cannot drift apart.
/// </summary>
public static class SharingTexts
{
    /// <summary>
    /// The rule, true of every output: shown to each person before answering (join page, start page)
    /// and wherever the choice can be changed.
    /// </summary>
    public const string Rule =
        "Das Teamprofil zeigt ohne Namen, wie das Team geantwortet hat und wie einig es ist, auch die Texte aus offenen Fragen – " +
        "in kleinen Teams lässt sich daraus manchmal erraten, wer was geantwortet hat. " +
        "Die einzelnen Antworten einer Person sieht die Koordination, auch in Dateien zum Herunterladen, nur wenn die Person sie teilt: " +
        "mit Namen oder als „Person B“ ohne Namen.";

    public const string Question = "Darf die Koordination Ihre einzelnen Antworten sehen?";

    public const string NoneLabel = "Nicht teilen";

    public const string NoneHint = "Ihre Antworten erscheinen nur zusammengefasst mit denen der anderen.";

    public const string PseudonymLabel = "Ohne Namen teilen";

    public const string PseudonymHint = "Die Koordination sieht Ihre einzelnen Antworten unter einer Bezeichnung wie „Person B“, nie mit Ihrem Namen.";

    public const string NameLabel = "Mit Namen teilen";

    public const string NameHint = "Die Koordination sieht Ihre einzelnen Antworten mit dem Namen, unter dem Sie im Team erscheinen.";

    /// <summary>Under the name field of the join page: the name is visible whatever the choice.</summary>
    public const string LabelHint =
        "Zum Beispiel Ihr Vorname oder Ihre Organisation. Die Koordination sieht ihn in der Liste, wer mitmacht und wie weit. " +
        "Ohne Angabe erscheinen Sie dort als „Person 2“, „Person 3“ usw.";

    public const string ChangeLater = "Sie können Ihre Wahl später auf Ihrer Übersichtsseite ändern.";

    /// <summary>The coordinator's own answers are theirs: said on the start page, next to the name field.</summary>
    public const string CoordinatorOwn = CoordinatorOwnAnswers + " Für Ihr Team gilt, was es vor dem Ausfüllen liest:";

    /// <summary>Before a coordinator's first question: who sees their answers.</summary>
    public const string CoordinatorOwnAnswers = "Ihre eigenen Antworten stehen einzeln in den Dateien, die Sie als Koordination herunterladen.";

    /// <summary>Before a member's first question, after the hint of their choice.</summary>
    public const string OthersNever = "Die anderen im Team sehen Ihre einzelnen Antworten nie.";

    public const string ChangeTitle = "Wer Ihre einzelnen Antworten sieht";

    public const string ChangeButton = "Wahl speichern";

    public const string Saved = "Ihre Wahl ist gespeichert und gilt ab sofort. Dateien, die schon heruntergeladen wurden, ändern sich dadurch nicht.";

    /// <summary>On the coordinator page, next to the invitation link.</summary>
    public const string InviteNote = "Vor dem Ausfüllen entscheidet jede Person selbst, ob Sie ihre einzelnen Antworten sehen. Die anderen im Team sehen sie nie.";

    /// <summary>On the coordinator page, above the downloads.</summary>
    public const string ExportNote =
        "Die Dateien enthalten Ihre eigenen Antworten und die einzelnen Antworten der Personen, die sie teilen – mit Namen oder als „Person B“. " +
        "Von allen anderen enthalten sie nur, was auch das Teamprofil zeigt: zusammengefasste Antworten und Texte ohne Namen.";

    public static string SharedCount(int sharing, int members) => members == 1
        ? sharing == 1 ? "Zurzeit teilt die eingeladene Person ihre Antworten." : "Zurzeit teilt die eingeladene Person ihre Antworten nicht."
        : $"Zurzeit teilen {sharing} von {members} eingeladenen Personen ihre Antworten.";

    public const string OpenAnswersTitle = "Antworten auf offene Fragen";

    public const string OpenAnswersNote = "Ohne Namen und alphabetisch geordnet, damit die Reihenfolge nicht verrät, von wem ein Text stammt.";

    public static string Choice(AnswerSharing sharing) => sharing switch
    {
        AnswerSharing.Pseudonym => PseudonymLabel,
        AnswerSharing.Name => NameLabel,
        AnswerSharing.None => NoneLabel,
        _ => NoneLabel,
    };

    public static string Hint(AnswerSharing sharing) => sharing switch
    {
        AnswerSharing.Pseudonym => PseudonymHint,
        AnswerSharing.Name => NameHint,
        AnswerSharing.None => NoneHint,
        _ => NoneHint,
    };
}
