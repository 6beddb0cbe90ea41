using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;

namespace SelfEval.Web.Pages.Join;

/// <summary>
/// A personal link of a closed round joins the running round under the same name and sharing choice: the person
/// whose link of last year is all they kept need not ask the coordination for the new invitation.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class NextRoundModel(AssessmentStore assessments, OneTimeForms forms) : PageModel
{
    [BindProperty]
    public string Nonce { get; set; } = string.Empty;

    public static string FormPurpose(RespondentRecord respondent) => $"next-round:{respondent.Id}";

    public IActionResult OnGet(string token) => RedirectToPage("/Respondent/Index", new { token });

    public IActionResult OnPost(string token)
    {
        if (assessments.FindByRespondentToken(token) is not { } found)
        {
            return NotFound();
        }

        var current = assessments.CurrentRound(found.Assessment.Id);
        if (found.Respondent.IsCoordinator || !found.Round.IsClosed || current.Id == found.Round.Id || current.IsClosed
            || forms.Check(HttpContext, FormPurpose(found.Respondent), Nonce) is not { } ticket)
        {
            return RedirectToPage("/Respondent/Index", new { token });
        }

        // The same form sent twice (a double click) lands on the person it created the first time.
        var personal = forms.Create(
            ticket,
            t => assessments.FindByRespondentToken(t) is not null,
            t => assessments.AddRespondent(current.Id, Tokens.Hash(t), found.Respondent.Label, found.Respondent.Sharing));
        return RedirectToPage("/Respondent/Index", new { token = personal, notice = AnswerNotice.NewLink });
    }
}
