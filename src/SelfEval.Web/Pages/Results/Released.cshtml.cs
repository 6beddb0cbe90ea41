using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Pages.Results;

/// <summary>
/// The team profile of a member's round, once the coordinator released it: the same report the coordinator sees
/// (built from the team's figures only, never from answers shared one by one), as page and PDF, also after closing.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class ReleasedModel(AssessmentAccess access, ProfileService profiles, IProfileRenderer pdf) : PageModel
{
    private RenderedProfile? _profile;

    public string Token { get; private set; } = string.Empty;

    /// <summary>Why there is no profile to show, or null when there is.</summary>
    public string? Withheld { get; private set; }

    public ProfileReport Report => _profile!.Report;

    public bool RoundOpen { get; private set; }

    public IActionResult OnGet(string token) => Load(token) ? Page() : NotFound();

    public IActionResult OnGetPdf(string token) =>
        Load(token) && _profile is not null ? File(_profile.Pdf, pdf.ContentType, ProfileTexts.FileName(Report.Header, "pdf")) : NotFound();

    private bool Load(string token)
    {
        if (access.Respondent(token) is not { } context)
        {
            return false;
        }

        Token = token;
        RoundOpen = !context.Round.IsClosed;
        if (!context.Round.IsReleasedToTeam)
        {
            Withheld = PeopleTexts.NotReleased;
            return true;
        }

        var profile = profiles.Rendered(context.Assessment, context.Round);
        if (profile.Report.Header.Respondents < PeopleTexts.TeamMinimum)
        {
            Withheld = PeopleTexts.TooFewForTeam;
            return true;
        }

        _profile = profile;
        return true;
    }
}
