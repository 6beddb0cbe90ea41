using System.Globalization;
using System.Text;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Codebook;

/// <summary>
/// The part of docs/METHODE.md that says, per scored question, what it measures and on which lines of the
/// report it rests. Generated from the guides, so the document cannot drift from what is scored.
/// </summary>
public static class MeasurementTable
{
    /// <summary>Where the per-question part of METHODE.md begins; the profile's appendix stops before it.</summary>
    public const string Heading = "## Was jede Frage misst";

    public static string Markdown(IEnumerable<Questionnaire> guides)
    {
        ArgumentNullException.ThrowIfNull(guides);
        var md = new StringBuilder();
        md.Append(Heading).Append("\n\n");
        md.Append("Dieser Teil wird aus den Leitfäden erzeugt und erscheint nicht im Ergebnisprofil. Er nennt zu jeder\n");
        md.Append("bewerteten Frage den Aspekt, die Dimension, ob sie das Vorgehen oder ein Ergebnis misst, ihr Gewicht, wem\n");
        md.Append("sie gestellt wird, und die Zeilen des Abschlussberichts (000 …) oder der weiteren Quellen, auf denen sie beruht.\n");
        md.Append("Aspekte nach dem Bewertungsmodell der Servicestelle (000:3966-3973): Einigkeit über Ziele und Wege, Ressourcen\n");
        md.Append("(Finanzen, Personal, Kompetenzen), regionaler Kontext (Haltung von Politik, Verwaltung, Presse, Öffentlichkeit;\n");
        md.Append("zählt nicht in die Werte der Initiative) und die Arbeitsweise der Initiative. Dimensionen nach 000:3984-3985.\n");
        md.Append("Neu erzeugen: `UPDATE_METHODE=1 dotnet test tests/SelfEval.Scoring.Tests --filter MeasurementTable`.\n");
        foreach (var guide in guides.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            var numbers = new Numbering(guide);
            var scored = guide.ScoredQuestions.ToList();
            md.Append('\n').Append(CultureInfo.InvariantCulture, $"### {guide.Title} (Version {guide.Version})").Append("\n\n");
            md.Append(CultureInfo.InvariantCulture, $"{scored.Count} bewertete Fragen: ");
            md.Append(string.Join(", ", Enum.GetValues<Aspect>().Select(a => $"{Count(scored, q => q.Aspect == a)} {a.Label()}")));
            md.Append("; ");
            md.Append(CultureInfo.InvariantCulture, $"{Count(scored, q => q.Measures == Measure.Practice)} zum Vorgehen, {Count(scored, q => q.Measures == Measure.Result)} zu Ergebnissen; ");
            md.Append(CultureInfo.InvariantCulture, $"{Count(scored, q => q.HasOwnLevels)} mit eigenen Stufen.\n\n");
            md.Append("| Nr. | Frage | Aspekt | Dimension | misst | Gewicht | gestellt, wenn | Quelle |\n");
            md.Append("|---|---|---|---|---|---|---|---|\n");
            foreach (var q in scored)
            {
                var section = guide.SectionOf(q);
                var when = string.Join(" und ", new[] { section.Condition?.Text, q.Condition?.Text }.OfType<string>());
                md.Append(CultureInfo.InvariantCulture,
                    $"| {numbers.Of(q)} | {Cell(q.Text)} (`{q.Id}`) | {q.Aspect?.Label()} | {q.Dimension?.Label()} | {Measured(q.Measures)} | {(q.Weight * section.Weight).ToString("0.##", CultureInfo.InvariantCulture)} | {Cell(when.Length == 0 ? "immer" : when)} | {Cell(q.Source ?? "")} |\n");
            }
        }

        return md.ToString();
    }

    private static int Count(List<Question> questions, Func<Question, bool> predicate) => questions.Count(predicate);

    private static string Measured(Measure? measure) => measure switch
    {
        Measure.Practice => "Vorgehen",
        Measure.Result => "Ergebnis",
        null => "–",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
