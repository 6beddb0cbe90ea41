using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Join;

/// <summary>The team invitation: each person who opens it gets a link of their own.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class IndexModel(AssessmentStore assessments, QuestionnaireVersionStore versions, OneTimeForms forms) : PageModel
{
    public const int LabelLimit = 80;

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

        var label = Label?.Trim();
        if (label is { Length: > LabelLimit })
        {
            Error = $"Der Name ist zu lang (höchstens {LabelLimit} Zeichen).";
            return Page();
        }

        var personal = forms.Create(
            ticket,
            token => assessments.FindByRespondentToken(token) is not null,
            token => assessments.AddRespondent(round!.Id, Tokens.Hash(token), string.IsNullOrEmpty(label) ? null : label, AnswerSharingValues.Parse(Sharing)));
        return Redirect($"/a/{personal}?neu=1");
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
