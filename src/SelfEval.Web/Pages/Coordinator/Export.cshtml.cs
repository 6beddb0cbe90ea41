using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Coordinator;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class ExportModel(AssessmentAccess access, QuestionnaireVersionStore versions, RoundExport export) : PageModel
{
    public IActionResult OnGet(string token, int? runde, string? format)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return NotFound();
        }

        var round = runde is null ? context.Round : context.Rounds.FirstOrDefault(r => r.Number == runde);
        if (round is null || format is not ("json" or "csv"))
        {
            return NotFound();
        }

        var questionnaire = versions.Get(round.QuestionnaireVersionId);
        var name = $"selfeval-{questionnaire.Id}-durchgang-{round.Number}.{format}";
        return format == "json"
            ? File(RoundExport.Utf8(export.ToJson(questionnaire, round)), "application/json; charset=utf-8", name)
            : File(RoundExport.Utf8(export.ToCsv(questionnaire, round)), "text/csv; charset=utf-8", name);
    }
}
