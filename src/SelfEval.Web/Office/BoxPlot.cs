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

    public static string Svg(Distribution d)
    {
        var whisker = d.P10 is { } lo && d.P90 is { } hi
            ? $"<line class=\"whisker\" x1=\"{N(lo)}\" y1=\"6\" x2=\"{N(hi)}\" y2=\"6\"/><line class=\"whisker\" x1=\"{N(lo)}\" y1=\"3\" x2=\"{N(lo)}\" y2=\"9\"/><line class=\"whisker\" x1=\"{N(hi)}\" y1=\"3\" x2=\"{N(hi)}\" y2=\"9\"/>"
            : string.Empty;
        return $"<svg class=\"boxplot\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Median {N(d.Median)}, mittlere Hälfte {N(d.P25)} bis {N(d.P75)}\">" +
               "<line class=\"axis\" x1=\"0\" y1=\"11.5\" x2=\"100\" y2=\"11.5\"/><line class=\"grid\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"12\"/><line class=\"grid\" x1=\"25\" y1=\"0\" x2=\"25\" y2=\"12\"/><line class=\"grid\" x1=\"50\" y1=\"0\" x2=\"50\" y2=\"12\"/><line class=\"grid\" x1=\"75\" y1=\"0\" x2=\"75\" y2=\"12\"/><line class=\"grid\" x1=\"100\" y1=\"0\" x2=\"100\" y2=\"12\"/>" +
               whisker +
               $"<rect class=\"box\" x=\"{N(d.P25)}\" y=\"2\" width=\"{N(Math.Max(0.6m, d.P75 - d.P25))}\" height=\"8\"/>" +
               $"<line class=\"median\" x1=\"{N(d.Median)}\" y1=\"1\" x2=\"{N(d.Median)}\" y2=\"11\"/></svg>";
    }
}
