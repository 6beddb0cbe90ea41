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

    /// <summary>Long format: one row per figure and group; suppressed figures say so instead of a number.</summary>
    public static string ToCsv(DashboardModel model)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = SelfEval.Web.Infrastructure.Csv.Writer(writer))
        {
            csv.WriteRecord(["part", "group", "key", "label", "n", "p10", "p25", "median", "p75", "p90", "percent", "note"]);
            if (model.Selected is null)
            {
                csv.WriteRecord(["selection", "", "", "", "", "", "", "", "", "", "", OfficeTexts.Withheld(model.Refusal)]);
            }

            foreach (var c in model.Counts)
            {
                csv.WriteRecord(["count", c.Year.ToString(CultureInfo.InvariantCulture), c.Guide, c.GuideTitle, c.Initiatives?.ToString(CultureInfo.InvariantCulture) ?? "", "", "", "", "", "", "", c.Initiatives is null ? OfficeTexts.Withheld(c.Why) : c.Earlier is { } e ? OfficeTexts.Earlier(e) : ""]);
            }

            foreach (var f in model.Figures)
            {
                csv.WriteRecord(Stats("figure", "", f));
            }

            foreach (var (part, groups) in new[] { ("split", model.Split), ("compare", model.Compare) })
            {
                foreach (var g in groups)
                {
                    if (g.Count is null)
                    {
                        csv.WriteRecord([part, g.Label, "", "", "", "", "", "", "", "", "", OfficeTexts.Withheld(g.Why)]);
                    }

                    foreach (var f in g.Figures)
                    {
                        csv.WriteRecord(Stats(part, g.Label, f));
                    }
                }
            }

            foreach (var (part, list) in new[] { ("weakness", model.Weaknesses), ("support-need", model.Needs) })
            {
                foreach (var f in list)
                {
                    csv.WriteRecord([part, "", f.Key, f.Label, "", "", "", "", "", "", f.Percent.ToString(CultureInfo.InvariantCulture), ""]);
                }
            }

            foreach (var y in model.Years)
            {
                csv.WriteRecord(Stats("year", y.Year.ToString(CultureInfo.InvariantCulture), y.Overall with { Key = "gesamt", Label = "Gesamt" }));
            }

            csv.Flush();
        }

        return writer.ToString();
    }

    private static string[] Stats(string part, string group, Figure f)
    {
        static string N(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
        var d = f.Distribution;
        return d is null
            ? [part, group, f.Key, f.Label, "", "", "", "", "", "", "", OfficeTexts.Withheld(f.Why)]
            : [part, group, f.Key, f.Label, d.Count.ToString(CultureInfo.InvariantCulture), N(d.P10), N(d.P25), N(d.Median), N(d.P75), N(d.P90), "", f.Earlier is { } e ? OfficeTexts.Earlier(e) : ""];
    }
}
