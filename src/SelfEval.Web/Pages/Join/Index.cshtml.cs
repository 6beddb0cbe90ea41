using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Join;

/// <summary>The team invitation: each person who opens it gets a link of their own.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class IndexModel(
    AssessmentStore assessments, QuestionnaireVersionStore versions, OneTimeForms forms, JoinMemory memory) : PageModel
{
    public const int LabelLimit = 80;

    /// <summary>
    /// The person this browser joined as in the current round, whose own link it gets back instead of a second entry:
    /// through this invitation, or with one click from their personal link of the other guide.
    /// </summary>
    public (string Token, string? Label)? Returning { get; private set; }

    /// <summary>Ticked on a browser that remembers someone: a different person (a shared computer) joins anyway.</summary>
    [BindProperty]
    public bool AnotherPerson { get; set; }

    public Questionnaire Guide { get; private set; } = null!;

    public string InitiativeName { get; private set; } = string.Empty;

    public bool RoundClosed { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string Nonce { get; set; } = string.Empty;

    [BindProperty]
    public string? Label { get; set; }

    /// <summary>Whether the coordination may see this person's answers one by one; unset or unknown means no.</summary>
    [BindProperty]
    public string? Sharing { get; set; }

    public IActionResult OnGet(string token)
    {
        if (!Load(token, out var round))
        {
            return NotFound();
        }

        Nonce = forms.Issue(HttpContext, FormPurpose(round!));
        Returning = Remembered(round!);
        return Page();
    }

    public IActionResult OnPost(string token)
    {
        if (!Load(token, out var round))
        {
            return NotFound();
        }

        if (RoundClosed)
        {
            return Page();
        }

        var purpose = FormPurpose(round!);
        if (forms.Check(HttpContext, purpose, Nonce) is not { } ticket)
        {
            // Not the form this browser was given (or a day old): no link; the name typed stays in the field.
            Nonce = forms.Issue(HttpContext, purpose);
            Error = OneTimeForms.Refused;
            return Page();
        }

        Returning = Remembered(round!);
        if (Returning is { } known && !AnotherPerson && !IsAnotherName(known.Label))
        {
            // A lost personal link: the same person again, not a second entry with the same name.
            return RedirectToPage("/Respondent/Index", new { token = known.Token, notice = AnswerNotice.NewLink }); // with the advice to keep the link this time
        }

        var label = Label?.Trim();
        if (label is { Length: > LabelLimit })
        {
            Error = $"Der Name ist zu lang (höchstens {LabelLimit} Zeichen).";
            return Page();
        }

        if (!AnotherPerson && memory.RecallSibling(Request, round!) is { } sibling && !IsAnotherName(sibling.Respondent.Label))
        {
            // Someone of the other guide joins this one by its invitation: under the link the one-click join from their
            // personal link gives, so that button later finds this entry instead of making a second one.
            var from = sibling.Respondent with { Label = string.IsNullOrEmpty(label) ? sibling.Respondent.Label : label, Sharing = AnswerSharingValues.Parse(Sharing) };
            assessments.AddRespondentFromOtherGuide(round!.Id, Tokens.Hash(sibling.Token), from);
            memory.Remember(HttpContext, round.AssessmentId, sibling.Token);
            return RedirectToPage("/Respondent/Index", new { token = sibling.Token, notice = AnswerNotice.NewLink });
        }

        var personal = forms.Create(
            ticket,
            token => assessments.FindByRespondentToken(token) is not null,
            token => assessments.AddRespondent(round!.Id, Tokens.Hash(token), string.IsNullOrEmpty(label) ? null : label, AnswerSharingValues.Parse(Sharing)));
        memory.Remember(HttpContext, round!.AssessmentId, personal);
        return RedirectToPage("/Respondent/Index", new { token = personal, notice = AnswerNotice.NewLink });
    }

    /// <summary>A name typed that is not the remembered one is someone else at the same computer, tick or no tick.</summary>
    private bool IsAnotherName(string? remembered) =>
        Label?.Trim() is { Length: > 0 } typed && !string.Equals(typed, remembered, StringComparison.OrdinalIgnoreCase);

    private (string Token, string? Label)? Remembered(RoundRecord round)
    {
        if (memory.Recall(Request, round) is { } known)
        {
            return (known.Token, known.Respondent.Label);
        }

        // Joined already with one click from the personal link of the other guide.
        return memory.RecallSibling(Request, round) is { } sibling && assessments.FindByRespondentToken(sibling.Token) is { } found && found.Round.Id == round.Id
            ? (sibling.Token, found.Respondent.Label)
            : null;
    }

    private static string FormPurpose(RoundRecord round) => $"join:{round.AssessmentId}";

    private bool Load(string token, out RoundRecord? round)
    {
        round = null;
        if (assessments.FindByInviteToken(token) is not { } assessment)
        {
            return false;
        }

        round = assessments.CurrentRound(assessment.Id);
        Guide = versions.Get(round.QuestionnaireVersionId);
        var profile = AssessmentAccess.Read(Guide, assessments.GetProfile(round.Id));
        InitiativeName = ProfileFacts.InitiativeName(profile);
        RoundClosed = round.IsClosed;
        return true;
    }
}
