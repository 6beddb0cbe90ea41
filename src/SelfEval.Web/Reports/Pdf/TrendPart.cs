using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>Before, now and the change, as the whole numbers people read, so the change adds up as printed.</summary>
internal sealed class TrendPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Trend is { } t ? ProfileTexts.TrendTitle(t) : null;

    public void Render(PdfLayout l, ProfileReport report)
    {
        var trend = report.Trend!;
        PdfBlocks.H2(l, ProfileTexts.TrendTitle(trend));
        Table(l, [trend.Overall, .. trend.Sections], bold: trend.Overall);
        if (trend.Items.Count > 0)
        {
            PdfBlocks.H3(l, ProfileTexts.TrendItemsTitle);
            Table(l, trend.Items, bold: null);
        }

        if (trend.Actions.Count > 0)
        {
            PdfBlocks.H3(l, ProfileTexts.TrendActionsTitle(trend), keep: 80);
            PdfBlocks.Note(l, ProfileTexts.TrendActionsSummary(trend));
            var table = new PdfTable(l, [
                (ProfileTexts.TrendActionColumn, 0.46), (ProfileTexts.ActionStatusColumn, 0.14), (ProfileTexts.TrendActionSectionColumn, 0.26), (ProfileTexts.TrendChangeColumn, 0.14)])
            {
                AlignRight = new HashSet<int> { 3 },
            };
            foreach (var outcome in trend.Actions)
            {
                var section = outcome.Section;
                table.Row(
                    [new Run(outcome.Action.What, PdfTheme.Bold, PdfTheme.InkBrush), new Run("\n" + ProfileTexts.ActionQuestion(outcome.Action), PdfTheme.Small, PdfTheme.MutedBrush)],
                    [new Run(ProfileTexts.Status(outcome.Action.Status), PdfTheme.Small, PdfTheme.InkBrush)],
                    [new Run(ProfileTexts.SectionChange(section), PdfTheme.Small, PdfTheme.InkBrush)],
                    [new Run(ProfileTexts.Delta(section?.Delta), PdfTheme.Bold, section?.Delta > 0 ? PdfTheme.AccentBrush : PdfTheme.InkBrush)]);
            }

            table.End();
        }
    }

    private static void Table(PdfLayout l, IReadOnlyList<TrendLine> lines, TrendLine? bold)
    {
        var table = new PdfTable(l, [(string.Empty, 0.58), (ProfileTexts.TrendBeforeColumn, 0.14), (ProfileTexts.TrendNowColumn, 0.14), (ProfileTexts.TrendChangeColumn, 0.14)])
        {
            AlignRight = new HashSet<int> { 1, 2, 3 },
        };
        foreach (var t in lines)
        {
            var font = t == bold ? PdfTheme.Bold : PdfTheme.Body;
            table.Row(
                [new Run(t.Label, font, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Number(t.Before), PdfTheme.Body, PdfTheme.MutedBrush)],
                [new Run(ProfileTexts.Number(t.Now), PdfTheme.Bold, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Delta(t.Delta), PdfTheme.Bold, t.Delta > 0 ? PdfTheme.AccentBrush : PdfTheme.InkBrush)]);
        }

        table.End();
    }
}
