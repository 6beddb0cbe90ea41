using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Join;

/// <summary>
/// A team member joins the initiative's other guide from their personal link, under the same name and sharing choice.
/// Their link there is derived from this one, so a second click (or one next month) lands on the same person.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class OtherGuideModel(AssessmentStore assessments, Initiatives initiatives) : PageModel
{
    public IActionResult OnGet(string token) => RedirectToPage("/Respondent/Index", new { token });

    public IActionResult OnPost(string token, string? guideId)
    {
        if (assessments.FindByRespondentToken(token) is not { } found)
        {
            return NotFound();
        }

        var personal = guideId is null ? null : initiatives.Join(token, found.Respondent, found.Round, found.Assessment, guideId);
        return personal is null
            ? RedirectToPage("/Respondent/Index", new { token })
            : RedirectToPage("/Respondent/Index", new { token = personal, neu = "1" });
    }
}
