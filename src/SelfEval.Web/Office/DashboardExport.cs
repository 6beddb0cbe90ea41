using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using SelfEval.Scoring.Statistics;

namespace SelfEval.Web.Office;

/// <summary>Every figure the dashboard shows, as CSV rows or JSON: the same model, so the same protection.</summary>
public static class DashboardExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(DashboardModel model) => JsonSerializer.Serialize(new
    {
        k = model.K,
        guide = model.Query.Guide,
        filters = model.Query.Filters,
        snapshot = model.SnapshotDate,
        selectedInitiatives = model.Selected,
        refusal = model.Selected is null ? OfficeTexts.Withheld(model.Refusal) : null,
        releasedEarlier = model.Earlier,
        counts = model.Counts.Select(c => new { c.Guide, c.Year, initiatives = c.Initiatives, releasedEarlier = c.Earlier }),
        figures = model.Figures.Select(Row),
        split = model.Split.Select(g => new { g.Group, g.Label, initiatives = g.Count, refusal = g.Count is null ? OfficeTexts.Withheld(g.Why) : null, releasedEarlier = g.Earlier, figures = g.Figures.Select(Row) }),
        compare = model.Compare.Select(g => new { g.Group, g.Label, initiatives = g.Count, refusal = g.Count is null ? OfficeTexts.Withheld(g.Why) : null, releasedEarlier = g.Earlier, figures = g.Figures.Select(Row) }),
        weaknesses = model.Weaknesses,
        supportNeeds = model.Needs,
        years = model.Years.Select(y => new { y.Year, overall = Stats(y.Overall.Distribution), releasedEarlier = y.Overall.Earlier }),
    }, Json);

    private static object Row(Figure f) => new { f.Key, f.Label, distribution = Stats(f.Distribution), releasedEarlier = f.Earlier, refusal = f.Distribution is null ? OfficeTexts.Withheld(f.Why) : null };

    private static object? Stats(Distribution? d) => d is null ? null : new { n = d.Count, p10 = d.P10, p25 = d.P25, median = d.Median, p75 = d.P75, p90 = d.P90 };

    /// <summary>One line of the long format; numbers stay numbers until a writer formats them for its readers.</summary>
    private sealed record Line(string Part, string Group, string Key, string Label, string Note, int? N = null, Distribution? D = null, int? Percent = null);

    private static readonly string[] Header = ["part", "group", "key", "label", "n", "p10", "p25", "median", "p75", "p90", "percent", "note"];

    private static readonly string[] GermanHeader = ["Teil (Code)", "Teil", "Gruppe", "Code", "Bezeichnung", "n", "P10", "P25", "Median", "P75", "P90", "Prozent", "Hinweis"];

    /// <summary>The German names of the parts, as the dashboard headings call them.</summary>
    private static string PartLabel(string part) => part switch
    {
        "selection" => "Auswahl",
        "count" => "Selbstevaluationen je Leitfaden und Jahr",
        "figure" => "Alle ausgewählten Initiativen",
        "split" => "Aufteilung",
        "compare" => "Vergleich",
        "weakness" => "Häufigste Entwicklungsfelder",
        "support-need" => "Häufigster Unterstützungsbedarf",
        "year" => "Entwicklung über die Jahre",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>Long format: one row per figure and group; suppressed figures say so instead of a number.</summary>
    private static IEnumerable<Line> Lines(DashboardModel model)
    {
        if (model.Selected is null)
        {
            yield return new Line("selection", "", "", "", OfficeTexts.Withheld(model.Refusal));
        }

        foreach (var c in model.Counts)
        {
            yield return new Line("count", c.Year.ToString(CultureInfo.InvariantCulture), c.Guide, c.GuideTitle, c.Initiatives is null ? OfficeTexts.Withheld(c.Why) : c.Earlier is { } e ? OfficeTexts.Earlier(e) : "", N: c.Initiatives);
        }

        foreach (var f in model.Figures)
        {
            yield return Stats("figure", "", f);
        }

        foreach (var (part, groups) in new[] { ("split", model.Split), ("compare", model.Compare) })
        {
            foreach (var g in groups)
            {
                if (g.Count is null)
                {
                    yield return new Line(part, g.Label, "", "", OfficeTexts.Withheld(g.Why));
                }

                foreach (var f in g.Figures)
                {
                    yield return Stats(part, g.Label, f);
                }
            }
        }

        foreach (var (part, list) in new[] { ("weakness", model.Weaknesses), ("support-need", model.Needs) })
        {
            foreach (var f in list)
            {
                yield return new Line(part, "", f.Key, f.Label, "", Percent: f.Percent);
            }
        }

        foreach (var y in model.Years)
        {
            yield return Stats("year", y.Year.ToString(CultureInfo.InvariantCulture), y.Overall with { Key = "gesamt", Label = "Gesamt" });
        }
    }

    private static Line Stats(string part, string group, Figure f) => f.Distribution is { } d
        ? new Line(part, group, f.Key, f.Label, f.Earlier is { } e ? OfficeTexts.Earlier(e) : "", N: d.Count, D: d)
        : new Line(part, group, f.Key, f.Label, OfficeTexts.Withheld(f.Why));

    /// <summary>The plain CSV: comma, decimal point, codes; for scripts and statistics software.</summary>
    public static string ToCsv(DashboardModel model)
    {
        static string N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = SelfEval.Web.Infrastructure.Csv.Writer(writer))
        {
            csv.WriteRecord(Header);
            foreach (var l in Lines(model))
            {
                csv.WriteRecord([l.Part, l.Group, l.Key, l.Label, l.N?.ToString(CultureInfo.InvariantCulture) ?? "", N(l.D?.P10), N(l.D?.P25), N(l.D?.Median), N(l.D?.P75), N(l.D?.P90), l.Percent?.ToString(CultureInfo.InvariantCulture) ?? "", l.Note]);
            }

            csv.Flush();
        }

        return writer.ToString();
    }

    /// <summary>
    /// The same lines for a spreadsheet set to German: UTF-8 with a byte order mark (so umlauts survive Excel),
    /// semicolons, decimal commas, and a German name beside each part code.
    /// </summary>
    public static byte[] ToGermanCsv(DashboardModel model)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = SelfEval.Web.Infrastructure.Csv.GermanWriter(writer))
        {
            csv.WriteRecord(GermanHeader);
            foreach (var l in Lines(model))
            {
                csv.WriteField(l.Part);
                csv.WriteField(PartLabel(l.Part));
                csv.WriteField(l.Group);
                csv.WriteField(l.Key);
                csv.WriteField(l.Label);
                csv.WriteField(l.N);
                csv.WriteField(l.D?.P10);
                csv.WriteField(l.D?.P25);
                csv.WriteField(l.D?.Median);
                csv.WriteField(l.D?.P75);
                csv.WriteField(l.D?.P90);
                csv.WriteField(l.Percent);
                csv.WriteField(l.Note);
                csv.EndRecord();
            }

            csv.Flush();
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(writer.ToString())];
    }
}
