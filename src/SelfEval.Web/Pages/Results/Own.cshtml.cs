using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Pages.Results;

/// <summary>A respondent's profile of their own answers.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class OwnModel(AssessmentAccess access, ProfileService profiles, IProfileRenderer pdf) : PageModel
{
    public ProfileReport Report { get; private set; } = null!;

    public string Token { get; private set; } = string.Empty;

    public IActionResult OnGet(string token) => Load(token) ? Page() : NotFound();

    public IActionResult OnGetPdf(string token) =>
        Load(token) ? File(pdf.Render(Report), pdf.ContentType, ProfileTexts.FileName(Report.Header, "pdf")) : NotFound();

    private bool Load(string token)
    {
        if (access.Respondent(token) is not { } context)
        {
            return false;
        }

        Token = token;
        Report = profiles.ForRespondent(context);
        return true;
    }
}
