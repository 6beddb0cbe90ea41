using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Respondent;

/// <summary>Opening a personal link: continue where the person left off, on any device.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class IndexModel(AssessmentAccess access) : PageModel
{
    public IActionResult OnGet(string token, AnswerNotice? notice, string? neu)
    {
        if (access.Respondent(token) is not { } context)
        {
            return NotFound();
        }

        var session = new AnswerSession(context);
        var newLink = AnswerNotices.FromOldQuery(notice, neu, null) == AnswerNotice.NewLink ? AnswerNotice.NewLink : (AnswerNotice?)null;
        return context.ReadOnly || session.Resume() is not { } section
            ? RedirectToPage("/Respondent/Review", new { token, notice = newLink })
            : RedirectToPage("/Respondent/Section", new { token, sectionId = section.Id, notice = newLink });
    }
}
