using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Pages.Results;

/// <summary>The coordinator's profile of a round: the page, and the same report as PDF.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class TeamModel(AssessmentAccess access, ProfileService profiles, IProfileRenderer pdf) : PageModel
{
    private RenderedProfile _profile = null!;

    public ProfileReport Report => _profile.Report;

    public CoordinatorContext Context { get; private set; } = null!;

    public int Round { get; private set; }

    public IActionResult OnGet(string token, int? runde) => Load(token, runde) ? Page() : NotFound();

    public IActionResult OnGetPdf(string token, int? runde)
    {
        if (!Load(token, runde))
        {
            return NotFound();
        }

        return File(_profile.Pdf, pdf.ContentType, ProfileTexts.FileName(Report.Header, "pdf"));
    }

    private bool Load(string token, int? runde)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return false;
        }

        var round = runde is null ? context.Round : context.Rounds.FirstOrDefault(r => r.Number == runde);
        if (round is null)
        {
            return false;
        }

        Context = context;
        Round = round.Number;
        _profile = profiles.Rendered(context.Assessment, round);
        return true;
    }
}
