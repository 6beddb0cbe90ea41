using System.Globalization;
using SelfEval.Scoring.Statistics;

namespace SelfEval.Web.Office;

/// <summary>
/// A percentile band as a small SVG on a 0–100 axis in user units: box P25–P75, line at the median, whiskers P10–P90.
/// The column header carries the tick labels at the same positions (viewBox 0–100, so percent of the cell width).
/// </summary>
public static class BoxPlot
{
    private static string N(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Grid(decimal height) =>
        $"<line class=\"axis\" x1=\"0\" y1=\"{N(height - 0.5m)}\" x2=\"100\" y2=\"{N(height - 0.5m)}\"/>" +
        string.Concat(new[] { 0, 25, 50, 75, 100 }.Select(x => $"<line class=\"grid\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{N(height)}\"/>"));

    public static string Svg(Distribution d) =>
        $"<svg class=\"boxplot\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Median {N(d.Median)}, mittlere Hälfte {N(d.P25)} bis {N(d.P75)}\">" +
        Grid(12) + Band(d, top: 0, mark: null) + "</svg>";

    /// <summary>
    /// The two groups of a comparison in one chart on one axis: A in the upper band, B in the lower. The groups differ
    /// in shape as well as colour (A a filled box and solid whiskers, B a striped box and dashed whiskers), so the chart
    /// does not rest on colour alone. A group without a released figure is not drawn; the table says why in words.
    /// </summary>
    /// <param name="both">False where one group is withheld as a whole: the chart then has one band, for the group shown.</param>
    public static string Pair(Distribution? a, Distribution? b, string labelA, string labelB, bool both = true)
    {
        static string Say(string label, Distribution? d) =>
            d is null ? $"{label}: keine Zahl" : $"{label}: Median {N(d.Median)}, mittlere Hälfte {N(d.P25)} bis {N(d.P75)}";
        var height = both ? 26m : 13m;
        var label = both ? Say(labelA, a) + "; " + Say(labelB, b) : a is null ? Say(labelB, b) : Say(labelA, a);
        return $"<svg class=\"boxplot pair{(both ? string.Empty : " single")}\" viewBox=\"0 0 100 {N(height)}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\">" +
               Grid(height) +
               (a is null ? string.Empty : Band(a, top: 0.5m, mark: "a")) +
               (b is null ? string.Empty : Band(b, top: both ? 13 : 0.5m, mark: "b")) + "</svg>";
    }

    /// <summary>A small sample of a group's box for the legend and the table rows.</summary>
    public static string Swatch(string mark) =>
        $"<svg class=\"boxplot swatch\" viewBox=\"0 0 24 12\" aria-hidden=\"true\" focusable=\"false\">" +
        $"<line class=\"whisker {mark}\" x1=\"1\" y1=\"6\" x2=\"23\" y2=\"6\"/>" +
        BoxShape(5, 1, 14, 10, mark) +
        $"<line class=\"median {mark}\" x1=\"12\" y1=\"0\" x2=\"12\" y2=\"12\"/></svg>";

    /// <summary>One distribution in a band 12 units high starting at <paramref name="top"/>.</summary>
    private static string Band(Distribution d, decimal top, string? mark)
    {
        var cls = mark is null ? string.Empty : " " + mark;
        var mid = top + 6;
        var whisker = d.P10 is { } lo && d.P90 is { } hi
            ? $"<line class=\"whisker{cls}\" x1=\"{N(lo)}\" y1=\"{N(mid)}\" x2=\"{N(hi)}\" y2=\"{N(mid)}\"/><line class=\"whisker{cls}\" x1=\"{N(lo)}\" y1=\"{N(top + 3)}\" x2=\"{N(lo)}\" y2=\"{N(top + 9)}\"/><line class=\"whisker{cls}\" x1=\"{N(hi)}\" y1=\"{N(top + 3)}\" x2=\"{N(hi)}\" y2=\"{N(top + 9)}\"/>"
            : string.Empty;
        return whisker +
               BoxShape(d.P25, top + 2, Math.Max(0.6m, d.P75 - d.P25), 8, mark) +
               $"<line class=\"median{cls}\" x1=\"{N(d.Median)}\" y1=\"{N(top + 1)}\" x2=\"{N(d.Median)}\" y2=\"{N(top + 11)}\"/>";
    }

    /// <summary>The box; group B's is striped with horizontal lines, which keep their spacing however wide the chart is stretched.</summary>
    private static string BoxShape(decimal x, decimal y, decimal width, decimal height, string? mark)
    {
        var box = $"<rect class=\"box{(mark is null ? string.Empty : " " + mark)}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"/>";
        if (mark != "b")
        {
            return box;
        }

        var stripes = string.Concat(Enumerable.Range(1, (int)Math.Ceiling(height / 2) - 1)
            .Select(i => $"<line class=\"stripe b\" x1=\"{N(x)}\" y1=\"{N(y + 2 * i)}\" x2=\"{N(x + width)}\" y2=\"{N(y + 2 * i)}\"/>"));
        return box + stripes;
    }
}
