using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The foot of every page, drawn once all pages exist.</summary>
internal static class PageFooter
{
    /// <summary>Who and which guide, and "Seite x von y", on every page, drawn once all pages exist.</summary>
    public static void Render(PdfLayout l, ProfileHeader h)
    {
        var total = l.Pages.Count;
        var left = string.Join(" · ", h.InitiativeName, h.GuideTitle, ProfileTexts.Round(h.RoundNumber), ProfileTexts.AsOf(h.Date));
        for (var page = 1; page <= total; page++)
        {
            var number = ProfileTexts.PageOf(page, total);
            l.OnPage(page, () =>
            {
                const double y = PdfLayout.Bottom + 20;
                var numberWidth = l.TextWidth(number, PdfTheme.Small);
                l.G.DrawLine(PdfTheme.RulePen, PdfLayout.Left, y - 5, PdfLayout.Right, y - 5);
                var line = l.Wrap([new Run(left, PdfTheme.Small, PdfTheme.MutedBrush)], PdfLayout.Width - numberWidth - 16)[0];
                l.Lines([line], PdfLayout.Left, y);
                l.TextRight(number, PdfTheme.Small, PdfTheme.MutedBrush, PdfLayout.Right, y);
            });
        }
    }
}
