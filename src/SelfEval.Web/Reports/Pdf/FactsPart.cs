using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The initiative's profile answers (phase, orientation, legal form, …) as question and answer.</summary>
internal sealed class FactsPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Facts.Count > 0 ? ProfileTexts.FactsTitle : null;

    public void Render(PdfLayout l, ProfileReport report)
    {
        PdfBlocks.H2(l, ProfileTexts.FactsTitle);
        var table = new PdfTable(l, [(string.Empty, 0.42), (string.Empty, 0.58)]);
        foreach (var fact in report.Facts)
        {
            table.Row(
                [new Run(fact.Question, PdfTheme.Small, PdfTheme.MutedBrush)],
                [new Run(string.Join(", ", fact.Values), PdfTheme.Body, PdfTheme.InkBrush)]);
        }

        table.End();
    }
}
