using System.Globalization;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Legal;

/// <summary>
/// What the legal pages and their editor say, and the placeholders a page's Markdown may contain: figures that
/// come from the service's configuration are written into the text when it is shown, so the Datenschutzerklärung
/// never states a period the service does not keep.
/// </summary>
public static class LegalTexts
{
    /// <summary>A placeholder, its meaning for the editor, and its value.</summary>
    public sealed record Placeholder(string Name, string Meaning, string Value)
    {
        public string Token => "{{" + Name + "}}";
    }

    public static IReadOnlyList<Placeholder> Placeholders(SelfEvalOptions options, LegalText text)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(text);
        return
        [
            new("Aufbewahrungsmonate", "Monate ohne Aktivität, nach denen eine Selbstevaluation angekündigt gelöscht wird (Einstellung SelfEval:RetentionMonths)", Number(options.RetentionMonths)),
            new("Hinweistage", "Tage zwischen dem Hinweis auf der Koordinationsseite und der Löschung (SelfEval:RetentionNoticeDays)", Number(options.RetentionNoticeDays)),
            new("Mindestzahl", "Mindestzahl der Initiativen, auf der jede Zahl der Servicestelle beruht (SelfEval:AnonymityK)", Number(options.AnonymityK)),
            new("Datenstandtage", "Tage, nach denen der Datenstand des anonymen Vergleichs erneuert wird (SelfEval:SnapshotDays)", Number(options.SnapshotDays)),
            new("Teamminimum", "Mindestzahl der Personen, ab der ein Teamprofil für das Team freigegeben werden kann", Number(SelfEval.Scoring.Statistics.Anonymity.MinimumK)),
            new("Stand", "Datum, an dem die Servicestelle diese Seite zuletzt gespeichert hat", text.UpdatedAt is { } at ? Time.LongDate(at) : "[Bitte ergänzen: Datum]"),
        ];
    }

    /// <summary>The Markdown with every placeholder replaced by its value; unknown ones stay as written.</summary>
    public static string Fill(string markdown, IReadOnlyList<Placeholder> placeholders)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(placeholders);
        foreach (var p in placeholders)
        {
            markdown = markdown.Replace(p.Token, p.Value, StringComparison.Ordinal);
        }

        return markdown;
    }

    private static string Number(int value) => value.ToString(CultureInfo.GetCultureInfo("de-DE"));

    public const string Empty = "Bitte schreiben Sie einen Text. Eine leere Seite genügt den gesetzlichen Pflichten nicht; um den Mustertext wieder zu zeigen, laden Sie ihn mit „Mustertext in das Feld laden“ und speichern Sie.";

    public static string TooLong(int length) =>
        $"Der Text ist mit {length.ToString("N0", CultureInfo.GetCultureInfo("de-DE"))} Zeichen zu lang. Erlaubt sind höchstens {LegalPageStore.MaxLength.ToString("N0", CultureInfo.GetCultureInfo("de-DE"))} Zeichen.";

    public const string PreviewOnly = "Unten sehen Sie die Vorschau. Der Text ist noch nicht gespeichert: Die öffentliche Seite ändert sich erst mit „Speichern und veröffentlichen“.";

    public const string DefaultLoaded = "Der Mustertext steht im Feld. Er ist noch nicht gespeichert: Ergänzen Sie die markierten Stellen und speichern Sie.";

    public static string Status(LegalText text) =>
        text.UpdatedAt is { } at
            ? $"Zuletzt gespeichert am {Time.LongDate(at)} von {text.UpdatedBy}"
            : "Mustertext – noch nicht von der Servicestelle angepasst";
}
