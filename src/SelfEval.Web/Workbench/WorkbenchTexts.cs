using System.Globalization;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;

namespace SelfEval.Web.Workbench;

/// <summary>What the office reads in the workbench: refusals of uploads and publications, and how a version is described.</summary>
public static class WorkbenchTexts
{
    /// <summary>A save based on a text someone else has replaced since: nothing is lost, the person merges by hand.</summary>
    public static string ChangedMeanwhile(string by, string at) =>
        $"Jemand hat diesen Entwurf inzwischen geändert ({by}, {at}). Ihr Text ist nicht gespeichert, er steht unverändert im Textfeld. Den jetzt gespeicherten Text sehen Sie darunter: Übernehmen Sie, was Sie davon behalten wollen, in Ihren Text und speichern Sie dann erneut.";

    /// <summary>The largest draft the workbench takes; the production guides are about 40 KB.</summary>
    public const int MaxDraftBytes = 256 * 1024;

    public static string TooLarge(long bytes) =>
        $"Die Datei ist {Kilobytes(bytes)} groß; ein Leitfaden darf höchstens {Kilobytes(MaxDraftBytes)} groß sein. Es wurde nichts gespeichert. Prüfen Sie, ob Sie die richtige Datei gewählt haben.";

    public static string TextTooLarge(long bytes) =>
        $"Der Text ist {Kilobytes(bytes)} groß; ein Entwurf darf höchstens {Kilobytes(MaxDraftBytes)} groß sein. Er wurde nicht gespeichert; Ihr Text steht unten noch im Eingabefeld. Kürzen Sie ihn, oder kopieren Sie ihn zur Sicherheit in eine Datei.";

    public const string NoFile = "Bitte wählen Sie eine Datei aus.";

    public const string EmptyFile = "Die Datei ist leer. Es wurde nichts gespeichert.";

    public static string NotMarkdown(string name) =>
        $"„{name}“ ist keine Markdown-Datei: Leitfäden sind Textdateien mit der Endung „.md“ (z. B. aus dem Ordner questionnaires/ oder aus „Als Datei herunterladen“). Es wurde nichts gespeichert.";

    public static string NotText(string name) =>
        $"„{name}“ enthält keine Textdatei (sondern z. B. ein Word-Dokument oder ein Bild). Speichern Sie den Leitfaden in Ihrem Editor als reinen Text mit der Endung „.md“. Es wurde nichts gespeichert.";

    public static string NotUtf8(string detail) => $"{detail} Es wurde nichts gespeichert.";

    public static string BadFileName(string name) =>
        $"Der Dateiname „{name}“ passt nicht: Er muss mit einem Kleinbuchstaben oder einer Ziffer beginnen, auf „.md“ enden und darf nur Kleinbuchstaben, Ziffern, „-“ und „_“ enthalten (z. B. „sich-gut-aufstellen.md“).";

    public static string FileHoldsOtherGuide(string fileName, string heldId, string draftId) =>
        $"Die Datei „{fileName}“ enthält den veröffentlichten Leitfaden „{heldId}“, dieser Entwurf aber die ID „{draftId}“: Veröffentlicht würde er jenen Leitfaden ersetzen. Übernehmen Sie die ID „{heldId}“, oder legen Sie den Entwurf unter einem eigenen Dateinamen an.";

    public static string FileOfOtherKind(string fileName, FileKind held, FileKind draft) =>
        $"Die Datei „{fileName}“ ist im Ordner {Kind(held)}, dieser Entwurf aber {Kind(draft)}. Legen Sie ihn unter einem eigenen Dateinamen an.";

    public static string Kind(FileKind kind) => kind switch
    {
        FileKind.Questionnaire => "ein Leitfaden",
        FileKind.Profile => "das Profil",
        FileKind.Offers => "der Angebotskatalog",
        _ => "eine Fragebogen-Datei",
    };

    public const string HasErrors = "Der Entwurf enthält noch Fehler und kann deshalb nicht veröffentlicht werden. Die Liste der Fehler steht beim Entwurf.";

    public const string OnlyGuides =
        "Hier können Leitfäden veröffentlicht werden. Das Profil und der Angebotskatalog gelten für alle Leitfäden zugleich; Änderungen daran prüfen Sie hier und geben sie dann als Datei für den Ordner questionnaires/ weiter (mit der nächsten Auslieferung).";

    public const string DraftGone = "Diesen Entwurf gibt es nicht mehr (er wurde veröffentlicht oder verworfen).";

    public static string Short(string hash) => hash.Length > 8 ? hash[..8] : hash;

    public static string When(string? stamp) =>
        Time.Parse(stamp) is { } moment ? Time.InBerlin(moment).ToString("d. MMMM yyyy, HH:mm 'Uhr'", CultureInfo.GetCultureInfo("de-DE")) : string.Empty;

    private static string Kilobytes(long bytes) => $"{Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.GetCultureInfo("de-DE"))} KB";
}
