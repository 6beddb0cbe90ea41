using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Respondent;

/// <summary>Opening a personal link: continue where the person left off, on any device.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class IndexModel(AssessmentAccess access) : PageModel
{
    public IActionResult OnGet(string token, string? neu)
    {
        if (access.Respondent(token) is not { } context)
        {
            return NotFound();
        }

        var session = new AnswerSession(context);
        var query = neu is null ? string.Empty : "?neu=1";
        return context.ReadOnly || session.Resume() is not { } section
            ? Redirect($"/a/{token}/abschluss{query}")
            : Redirect($"/a/{token}/{section.Id}{query}");
    }
}
