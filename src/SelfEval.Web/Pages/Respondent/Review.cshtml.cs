using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Respondent;

/// <summary>The check before finishing: open required questions with links, then "Abschließen".</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class ReviewModel(AssessmentAccess access, AssessmentStore assessments) : PageModel
{
    public AnswerSession Session { get; private set; } = null!;

    public string? Error { get; private set; }

    public bool ShowNewLink { get; private set; }

    public bool SharingSaved { get; private set; }

    public RespondentContext Context => Session.Context;

    public IActionResult OnGet(string token, AnswerNotice? notice, string? neu, string? hinweis)
    {
        if (access.Respondent(token) is not { } context)
        {
            return NotFound();
        }

        Session = new AnswerSession(context);
        notice = AnswerNotices.FromOldQuery(notice, neu, hinweis);
        ShowNewLink = notice == AnswerNotice.NewLink;
        SharingSaved = notice == AnswerNotice.SharingSaved;
        return Page();
    }

    /// <summary>A member changes who sees their answers one by one; allowed at any time, also after finishing or closing.</summary>
    public IActionResult OnPostSharing(string token, string? sharing)
    {
        if (access.Respondent(token) is not { } context)
        {
            return NotFound();
        }

        if (!context.IsCoordinator)
        {
            assessments.SetSharing(context.Respondent.Id, AnswerSharingValues.Parse(sharing));
        }

        return RedirectToPage("/Respondent/Review", null, new { token, notice = AnswerNotice.SharingSaved }, "teilen");
    }

    public IActionResult OnPost(string token)
    {
        if (access.Respondent(token) is not { } context)
        {
            return NotFound();
        }

        Session = new AnswerSession(context);
        if (context.Round.IsClosed)
        {
            Error = "Dieser Durchgang ist bereits abgeschlossen.";
            return Page();
        }

        if (!Session.Progress.CanFinish)
        {
            Error = "Bitte beantworten Sie zuerst die unten aufgeführten Pflichtfragen.";
            return Page();
        }

        assessments.SetFinished(context.Respondent.Id, finished: true); // a second click changes nothing
        return RedirectToPage("/Respondent/Review", new { token });
    }
}
