using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Join;

/// <summary>The team invitation: each person who opens it gets a link of their own.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class IndexModel(AssessmentStore assessments, QuestionnaireVersionStore versions) : PageModel
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
        if (!Load(token, out _))
        {
            return NotFound();
        }

        Nonce = Tokens.New();
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

        if (!Tokens.LooksValid(Nonce))
        {
            Nonce = Tokens.New();
            Error = "Das Formular war unvollständig. Bitte versuchen Sie es noch einmal.";
            return Page();
        }

        var label = Label?.Trim();
        if (label is { Length: > LabelLimit })
        {
            Error = $"Der Name ist zu lang (höchstens {LabelLimit} Zeichen).";
            return Page();
        }

        var personal = AssessmentAccess.TokenFromNonce(Nonce, "respondent");
        if (assessments.FindByRespondentToken(personal) is null)
        {
            assessments.AddRespondent(round!.Id, Tokens.Hash(personal), string.IsNullOrEmpty(label) ? null : label, AnswerSharingValues.Parse(Sharing));
        }

        return Redirect($"/a/{personal}?neu=1");
    }

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
