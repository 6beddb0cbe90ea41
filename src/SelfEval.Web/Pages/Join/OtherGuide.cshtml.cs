using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Join;

/// <summary>
/// A team member joins the initiative's other guide from their personal link, under the same name and sharing choice.
/// Their link there is derived from this one, so a second click (or one next month) lands on the same person.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class OtherGuideModel(AssessmentStore assessments, Initiatives initiatives, JoinMemory memory) : PageModel
{
    public IActionResult OnGet(string token) => RedirectToPage("/Respondent/Index", new { token });

    public IActionResult OnPost(string token, string? guideId)
    {
        if (assessments.FindByRespondentToken(token) is not { } found)
        {
            return NotFound();
        }

        var personal = guideId is null ? null : initiatives.Join(token, found.Respondent, found.Round, found.Assessment, guideId);
        if (personal is not null && assessments.FindByRespondentToken(personal) is { } joined)
        {
            // The other guide's invitation, opened later in this browser, gives this link back instead of a second entry.
            memory.Remember(HttpContext, joined.Assessment.Id, personal);
        }

        return personal is null
            ? RedirectToPage("/Respondent/Index", new { token })
            : RedirectToPage("/Respondent/Index", new { token = personal, notice = SelfEval.Web.Answering.AnswerNotice.NewLink });
    }
}
