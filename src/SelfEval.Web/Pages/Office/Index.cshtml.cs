using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SelfEval.Scoring.Codebook;
using SelfEval.Web.Cli;
using SelfEval.Web.Office;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Office;

/// <summary>The service office's dashboard: anonymous figures over many initiatives, never one.</summary>
public sealed class IndexModel(CohortReader cohort, QuestionnaireCatalog catalog, QueryGuards guards, IOptions<SelfEvalOptions> options) : PageModel
{
    public DashboardModel Dashboard { get; private set; } = null!;

    public QuestionnaireCatalog Catalog => catalog;

    public IActionResult OnGet(string? leitfaden) => Build(leitfaden) ? Page() : BadRequest();

    public IActionResult OnGetExport(string? leitfaden, string? format)
    {
        if (!Build(leitfaden) || format is not ("csv" or "json"))
        {
            return BadRequest();
        }

        var name = $"servicestelle-{Dashboard.Query.Guide}.{format}";
        return format == "json"
            ? File(Encoding.UTF8.GetBytes(DashboardExport.ToJson(Dashboard)), "application/json; charset=utf-8", name)
            : File(Encoding.UTF8.GetBytes(DashboardExport.ToCsv(Dashboard)), "text/csv; charset=utf-8", name);
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
        foreach (var (key, _) in Groups.Dimensions)
        {
            var value = Request.Query[key].FirstOrDefault();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Groups.Values[key].Any(v => v.Value == value))
            {
                return false;
            }

            filters[key] = value;
        }

        string? Dimension(string name) => Request.Query[name].FirstOrDefault() is { Length: > 0 } d && Groups.Values.ContainsKey(d) ? d : null;
        var query = new DashboardQuery(
            guide ?? catalog.Questionnaires[0].Id, filters, Dimension("aufteilen"), Dimension("vergleich"),
            Request.Query["a"].FirstOrDefault(), Request.Query["b"].FirstOrDefault());
        var rounds = cohort.Read();
        Dashboard = DashboardBuilder.Build(rounds, query, catalog, options.Value.AnonymityK, guards.For(User.Identity?.Name ?? "?", rounds));
        return true;
    }

    public string QueryString(string? format = null, string handler = "Export")
    {
        var parts = new List<string> { $"leitfaden={Dashboard.Query.Guide}" };
        parts.AddRange(Dashboard.Query.Filters.Select(f => $"{f.Key}={f.Value}"));
        if (Dashboard.Query.SplitBy is { } s)
        {
            parts.Add($"aufteilen={s}");
        }

        if (Dashboard.Query.CompareBy is { } c)
        {
            parts.Add($"vergleich={c}&a={Dashboard.Query.CompareA}&b={Dashboard.Query.CompareB}");
        }

        if (format is not null)
        {
            parts.Add($"handler={handler}&format={format}");
        }

        return string.Join("&", parts);
    }
}
