using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Coordinator;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class ExportModel(AssessmentAccess access, QuestionnaireVersionStore versions, RoundExport export) : CoordinatorPage(access)
{
    /// <summary>The format route value of the team conversation's table (the answers' CSV has a column per question, which it does not fit).</summary>
    public const string ConversationCsv = "conversation-csv";

    public IActionResult OnGet(string token, int? runde, string? format)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        var round = runde is null ? Context.Round : Context.Rounds.FirstOrDefault(r => r.Number == runde);
        if (round is null || format is not ("json" or "csv" or ConversationCsv))
        {
            return NotFound();
        }

        var questionnaire = versions.Get(round.QuestionnaireVersionId);
        var name = $"selfeval-{questionnaire.Id}-durchgang-{round.Number}";
        return format switch
        {
            "json" => File(RoundExport.Utf8(export.ToJson(questionnaire, round)), "application/json; charset=utf-8", name + ".json"),
            ConversationCsv => File(RoundExport.Utf8(export.ConversationCsv(questionnaire, round)), "text/csv; charset=utf-8", name + "-teamgespraech.csv"),
            _ => File(RoundExport.Utf8(export.ToCsv(questionnaire, round)), "text/csv; charset=utf-8", name + ".csv"),
        };
    }
}
