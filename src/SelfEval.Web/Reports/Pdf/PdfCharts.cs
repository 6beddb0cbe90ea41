using PdfSharp.Drawing;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>
/// The charts: bars and bands on one 0–100 axis with labelled ticks, and the team's dots on a thin line. The value
/// column is as wide as its widest text, so "69 · Fortgeschritten" always ends inside the margin.
/// </summary>
internal static class PdfCharts
{
    /// <summary>The scale every score lives on, and the ticks labelled under each chart.</summary>
    public const double ScaleMax = 100;

    public static readonly IReadOnlyList<int> Ticks = [0, 25, 50, 75, 100];

    private const double BarHeight = 9;
    private const double AxisHeight = 13;
    private const double Gap = 8;

    /// <summary>Score lines as bars with their value and band beside them; the surroundings in their own colour.</summary>
    /// <param name="valueWidth">The value column's width, shared by charts that stand one under the other so their bars line up.</param>
    public static void Scores(PdfLayout l, IReadOnlyList<ScoreLine> lines, XBrush? bars = null, double labelShare = 0.42, double? valueWidth = null)
    {
        Rows(l, lines.Select(line => (line.Label, Value(line), (Action<double, double, double>)((x, w, top) =>
        {
            if (line.Shown is { } v)
            {
                l.G.DrawRectangle(line.IsContext ? PdfTheme.ContextBrush : bars ?? PdfTheme.AccentBrush, x, top + 1.5, Position(w, v), BarHeight);
            }
        }))).ToList(), labelShare, valueWidth);
    }

    /// <summary>The value column that fits every one of <paramref name="lines"/>.</summary>
    public static double ValueWidth(PdfLayout l, IEnumerable<ScoreLine> lines) => ValueWidth(l, lines.Select(Value).DefaultIfEmpty(new Run(string.Empty, PdfTheme.Bold, PdfTheme.InkBrush)));

    /// <summary>Each line's value against the middle half (band) and median of comparable initiatives.</summary>
    public static void Benchmark(PdfLayout l, IReadOnlyList<BenchmarkLine> lines)
    {
        Rows(l, lines.Select(line => (line.Label, line.Score is { } s && line.Position is { } pos
            ? new Run($"{ProfileTexts.Number(s)} · {ProfileTexts.Position(pos)}", line.Position == Scoring.Statistics.QuartilePosition.Lower ? PdfTheme.Bold : PdfTheme.Body, PdfTheme.InkBrush)
            : new Run(ProfileTexts.NotAssessable, PdfTheme.Italic, PdfTheme.MutedBrush), (Action<double, double, double>)((x, w, top) =>
        {
            l.G.DrawRectangle(PdfTheme.BandBrush, x + Position(w, line.P25), top + 1, Math.Max(1.5, Position(w, line.P75 - line.P25)), BarHeight + 2);
            l.G.DrawLine(PdfTheme.MedianPen, x + Position(w, line.Median), top - 0.5, x + Position(w, line.Median), top + BarHeight + 4.5);
            if (line.Score is { } score)
            {
                var cx = x + Position(w, score);
                l.G.DrawEllipse(PdfTheme.OutlinePen, PdfTheme.AccentBrush, cx - 4, top + 2.5, 8, 8);
            }
        }))).ToList(), 0.42);
    }

    /// <summary>
    /// How much room to keep with a chart's heading: the whole chart where it takes less than half a page, so a
    /// short chart is never split; a long one may run on (its axis repeats on each page).
    /// </summary>
    public static double Keep(PdfLayout l, IReadOnlyList<ScoreLine> lines, double labelShare = 0.42)
    {
        if (lines.Count == 0)
        {
            return 0;
        }

        var valueWidth = ValueWidth(l, lines.Select(Value));
        var height = lines.Sum(line => RowHeight(l, line.Label, Value(line), PdfLayout.Width * labelShare, valueWidth)) + AxisHeight;
        return Math.Min(height, (PdfLayout.Bottom - PdfLayout.Top) / 2);
    }

    private static double ValueWidth(PdfLayout l, IEnumerable<Run> values) =>
        Math.Min(PdfLayout.Width * 0.3, values.Max(v => l.TextWidth(v.Text, v.Font)) + 2);

    private static double RowHeight(PdfLayout l, string label, Run value, double labelWidth, double valueWidth) =>
        Math.Max(Math.Max(l.Measure([new Run(label, PdfTheme.Body, PdfTheme.InkBrush)], labelWidth - Gap), l.Measure([value], valueWidth)), BarHeight + 3) + 1.5;

    private static Run Value(ScoreLine line) => line.Shown is null
        ? new Run(ProfileTexts.NotAssessable, PdfTheme.Italic, PdfTheme.MutedBrush)
        : new Run(ProfileTexts.ValueAndBand(line), PdfTheme.Bold, PdfTheme.InkBrush);

    public static double Position(double width, decimal value) => width * (double)Math.Clamp(value, 0, (decimal)ScaleMax) / ScaleMax;

    /// <summary>Label, mark and value per row; an axis closes the chart on every page it spans.</summary>
    private static void Rows(PdfLayout l, IReadOnlyList<(string Label, Run Value, Action<double, double, double> Mark)> rows, double labelShare, double? fixedValueWidth = null)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var valueWidth = Math.Max(fixedValueWidth ?? 0, ValueWidth(l, rows.Select(r => r.Value)));
        var labelWidth = PdfLayout.Width * labelShare;
        var x = PdfLayout.Left + labelWidth;
        var width = PdfLayout.Width - labelWidth - valueWidth - Gap - 4;
        var valueX = PdfLayout.Right - valueWidth;
        var top = l.Y;
        foreach (var (label, value, mark) in rows)
        {
            var lines = l.Wrap([new Run(label, PdfTheme.Body, PdfTheme.InkBrush)], labelWidth - Gap);
            var valueLines = l.Wrap([value], valueWidth);
            var height = RowHeight(l, label, value, labelWidth, valueWidth);
            if (l.Y + height + AxisHeight > PdfLayout.Bottom)
            {
                Axis(l, x, width, top, l.Y);
                l.NewPage();
                top = l.Y;
            }

            var rowTop = l.Y;
            l.Lines(lines, PdfLayout.Left, rowTop);
            Grid(l, x, width, rowTop, rowTop + height);
            l.G.DrawRectangle(PdfTheme.TrackBrush, x, rowTop + 1.5, width, BarHeight);
            mark(x, width, rowTop);
            l.Lines(valueLines, valueX, rowTop);
            l.Y = rowTop + height;
        }

        Axis(l, x, width, top, l.Y);
    }

    private static void Grid(PdfLayout l, double x, double width, double top, double bottom)
    {
        foreach (var tick in Ticks)
        {
            var tx = x + Position(width, tick);
            l.G.DrawLine(PdfTheme.RulePen, tx, top, tx, bottom);
        }
    }

    /// <summary>The 0–100 axis under a chart: a line, ticks and their labels; moves the cursor below it.</summary>
    public static void Axis(PdfLayout l, double x, double width, double top, double y)
    {
        l.G.DrawLine(PdfTheme.AxisPen, x, y, x + width, y);
        foreach (var tick in Ticks)
        {
            var tx = x + Position(width, tick);
            l.G.DrawLine(PdfTheme.AxisPen, tx, y, tx, y + 2.5);
            l.TextCentered(ProfileTexts.Number(tick), PdfTheme.Tiny, PdfTheme.MutedBrush, tx, y + 3);
        }

        l.Y = y + AxisHeight;
    }

    private const double Dot = 6.4;

    /// <summary>One dot per person on a thin line, equal answers stacked; returns the height used.</summary>
    public static double Dots(PdfLayout l, double x, double width, double y, IReadOnlyList<decimal> points)
    {
        var placed = new List<(double X, int Level)>();
        foreach (var p in points)
        {
            var px = x + Position(width, p);
            placed.Add((px, placed.Count(q => Math.Abs(q.X - px) < Dot - 0.5)));
        }

        var levels = placed.Count == 0 ? 0 : placed.Max(p => p.Level);
        var height = Dot + (levels * (Dot - 1)) + 4;
        var baseline = y + height - (Dot / 2) - 2;
        l.G.DrawLine(PdfTheme.RulePen, x, baseline, x + width, baseline);
        foreach (var tick in Ticks)
        {
            var tx = x + Position(width, tick);
            l.G.DrawLine(PdfTheme.AxisPen, tx, baseline - 2, tx, baseline + 2);
        }

        foreach (var (px, level) in placed)
        {
            var cy = baseline - (level * (Dot - 1));
            l.G.DrawEllipse(PdfTheme.OutlinePen, PdfTheme.TeamBrush, px - (Dot / 2), cy - (Dot / 2), Dot, Dot);
        }

        return height;
    }

    /// <summary>The tick labels alone, under a column of dot rows.</summary>
    public static void TickLabels(PdfLayout l, double x, double width, double y)
    {
        foreach (var tick in Ticks)
        {
            l.TextCentered(ProfileTexts.Number(tick), PdfTheme.Tiny, PdfTheme.MutedBrush, x + Position(width, tick), y);
        }
    }
}
