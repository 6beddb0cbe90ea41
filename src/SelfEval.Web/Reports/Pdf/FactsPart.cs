using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The initiative's profile answers (phase, orientation, legal form, …) as question and answer.</summary>
internal sealed class FactsPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Facts.Count > 0 ? ProfileTexts.FactsTitle : null;

    public void Render(PdfLayout l, ProfileReport report)
    {
        PdfBlocks.H2(l, ProfileTexts.FactsTitle);
        // Two facts side by side: they are short, and a column of eight would take a third of a page.
        var table = new PdfTable(l, [(string.Empty, 0.25), (string.Empty, 0.25), (string.Empty, 0.25), (string.Empty, 0.25)]);
        for (var i = 0; i < report.Facts.Count; i += 2)
        {
            table.Row([.. Cells(report.Facts[i]), .. i + 1 < report.Facts.Count ? Cells(report.Facts[i + 1]) : [[], []]]);
        }

        table.End();
    }

    private static IReadOnlyList<Run>[] Cells(ProfileFact fact) =>
        [[new Run(fact.Question, PdfTheme.Small, PdfTheme.MutedBrush)], [new Run(string.Join(", ", fact.Values), PdfTheme.Body, PdfTheme.InkBrush)]];
}
