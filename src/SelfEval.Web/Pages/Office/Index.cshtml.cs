using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Codebook;
using SelfEval.Web.Cli;
using SelfEval.Web.Office;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Office;

/// <summary>The service office's dashboard: anonymous figures over many initiatives, never one.</summary>
public sealed class IndexModel(ComparisonService comparison, ComparisonCodeStore codes, QuestionnaireCatalog catalog) : PageModel
{
    public (int Issued, int Used) Codes { get; private set; }

    public DashboardModel Dashboard { get; private set; } = null!;

    public QuestionnaireCatalog Catalog => catalog;

    public OfficeNotice? Notice { get; private set; }

    public IActionResult OnGet(string? leitfaden, OfficeNotice? notice, string? hinweis)
    {
        Notice = OfficeNotices.FromOldQuery(notice, hinweis, abgemeldet: null);
        return Build(leitfaden) ? Page() : BadRequest();
    }

    /// <summary>A new snapshot now: figures then come from the rounds counted today, where the rule allows.</summary>
    public IActionResult OnPostPublish()
    {
        comparison.Publish("office");
        return RedirectToPage(new { notice = OfficeNotice.Published });
    }

    public IActionResult OnGetExport(string? leitfaden, string? format)
    {
        if (!Build(leitfaden) || format is not ("csv" or "csv-de" or "json"))
        {
            return BadRequest();
        }

        var name = $"servicestelle-{Dashboard.Query.Guide}";
        return format switch
        {
            "json" => File(Encoding.UTF8.GetBytes(DashboardExport.ToJson(Dashboard)), "application/json; charset=utf-8", name + ".json"),
            "csv-de" => File(DashboardExport.ToGermanCsv(Dashboard), "text/csv; charset=utf-8", name + "-de.csv"),
            _ => File(Encoding.UTF8.GetBytes(DashboardExport.ToCsv(Dashboard)), "text/csv; charset=utf-8", name + ".csv"),
        };
    }

    /// <summary>The guide's codebook, to read the exported figures with.</summary>
    public IActionResult OnGetCodebook(string? leitfaden, string? format)
    {
        if (catalog.Find(leitfaden ?? string.Empty) is not { } guide || format is not ("csv" or "json"))
        {
            return NotFound();
        }

        var codebook = QuestionnaireCodebook.From(guide);
        if (format == "json")
        {
            return File(Encoding.UTF8.GetBytes(Commands.ToJson(codebook)), "application/json; charset=utf-8", $"codebuch-{guide.Id}.json");
        }

        var writer = new StringWriter();
        Commands.WriteCsv(codebook, writer);
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", $"codebuch-{guide.Id}.csv");
    }

    private bool Build(string? guide)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = catalog.Comparison;
        foreach (var key in groups.Dimensions.Select(d => d.Key))
        {
            var value = Request.Query[key].FirstOrDefault();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (groups.Find(key)!.Find(value) is null)
            {
                return false;
            }

            filters[key] = value;
        }

        string? Dimension(string name) => Request.Query[name].FirstOrDefault() is { Length: > 0 } d && groups.Find(d) is not null ? d : null;
        var compareBy = Dimension("vergleich");

        // Only values of the chosen dimension: anything else is not a group and is not echoed back.
        string? GroupValue(string name) =>
            compareBy is not null && Request.Query[name].FirstOrDefault() is { Length: > 0 } v && groups.Find(compareBy)!.Find(v) is not null ? v : null;
        var query = new DashboardQuery(
            catalog.Find(guide ?? string.Empty)?.Id ?? catalog.Questionnaires[0].Id, filters, Dimension("aufteilen"), compareBy, GroupValue("a"), GroupValue("b"));
        Dashboard = comparison.Dashboard(query);
        Codes = codes.Counts();
        return true;
    }

    /// <summary>The current selection as route values, for links that the framework encodes.</summary>
    public Dictionary<string, string> RouteValues(string? format = null)
    {
        var values = new Dictionary<string, string> { ["leitfaden"] = Dashboard.Query.Guide };
        foreach (var (key, value) in Dashboard.Query.Filters)
        {
            values[key] = value;
        }

        if (Dashboard.Query.SplitBy is { } s)
        {
            values["aufteilen"] = s;
        }

        if (Dashboard.Query.CompareBy is { } c)
        {
            values["vergleich"] = c;
            if (Dashboard.Query.CompareA is { } a)
            {
                values["a"] = a;
            }

            if (Dashboard.Query.CompareB is { } b)
            {
                values["b"] = b;
            }
        }

        if (format is not null)
        {
            values["format"] = format;
        }

        return values;
    }
}
