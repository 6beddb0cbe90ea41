using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The one agreement figure and the agreement per section, drawn in the team's colour, not as scores.</summary>
internal sealed class TeamPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Team is null ? null : ProfileTexts.TeamTitle;

    public void Render(PdfLayout l, ProfileReport report)
    {
        var team = report.Team!;
        var lines = team.Sections.Select(s => new ScoreLine(s.Label, s.Label, s.Agreement, s.Agreement is not null, null, 1)).ToList();
        PdfBlocks.H2(l, ProfileTexts.TeamTitle, keep: PdfCharts.Keep(l, lines) + 24);
        PdfBlocks.Intro(l, ProfileTexts.Agreement(team));
        PdfCharts.Scores(l, lines, PdfTheme.TeamBrush);
    }

    private const double DotShare = 0.34;

    /// <summary>Questions with one row of dots each (one per person), and the scale under the dots.</summary>
    public static void DotList(PdfLayout l, IReadOnlyList<DiscussionItem> items, bool withRange)
    {
        var dotsWidth = PdfLayout.Width * DotShare;
        // The last tick label is centred on 100: the dots end short of the margin so it fits.
        var dotsX = PdfLayout.Right - dotsWidth - 8;
        var textWidth = PdfLayout.Width - dotsWidth - PdfBlocks.Gutter - 14;
        foreach (var d in items)
        {
            var runs = new List<Run> { new(d.Item.Text, PdfTheme.Body, PdfTheme.InkBrush) };
            if (withRange)
            {
                runs.Add(new Run($"\n{ProfileTexts.Range(d.Item.Answer)} ({ProfileTexts.Steps(d.Steps)})", PdfTheme.Small, PdfTheme.MutedBrush));
            }

            var lines = l.Wrap(runs, textWidth);
            var height = lines.Sum(x => x.Height);
            l.Need(Math.Max(height, 14) + 12);
            var top = l.Y;
            l.Text(d.Item.Number, PdfTheme.SmallBold, PdfTheme.AccentBrush, PdfLayout.Left, top + 0.8);
            l.Lines(lines, PdfLayout.Left + PdfBlocks.Gutter, top);
            var dots = PdfCharts.Dots(l, dotsX, dotsWidth, top, d.Points);
            l.Y = top + Math.Max(height, dots) + 4;
            l.G.DrawLine(PdfTheme.RulePen, PdfLayout.Left, l.Y - 2, PdfLayout.Right, l.Y - 2);
            if (d == items[^1] || l.Y + 40 > PdfLayout.Bottom)
            {
                PdfCharts.TickLabels(l, dotsX, dotsWidth, l.Y - 1);
                l.Y += 10;
            }
        }
    }
}
