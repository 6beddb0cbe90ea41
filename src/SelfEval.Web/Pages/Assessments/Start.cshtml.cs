using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Assessments;

/// <summary>Starting an assessment: the profile, the consent to the anonymous comparison, then the coordinator link.</summary>
[LimitPosts(PostLimits.Starts)]
public sealed class StartModel(QuestionnaireCatalog catalog, QuestionnaireVersionStore versions, AssessmentStore assessments, OneTimeForms forms) : PageModel
{
    public Questionnaire Guide { get; private set; } = null!;

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    /// <summary>Problems that belong to no single question; those of questions are on their fields.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool HasErrors => Errors.Count > 0 || Fields.Any(f => f.Error is not null);

    [BindProperty]
    public string Nonce { get; set; } = string.Empty;

    [BindProperty]
    public bool OptIn { get; set; }

    [BindProperty]
    public string? CoordinatorName { get; set; }

    public const int NameLimit = 80;

    private Section Profile => Guide.Sections.First(s => s.IsProfile);

    public IActionResult OnGet(string guideId)
    {
        if (catalog.Find(guideId) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        Nonce = forms.Issue(HttpContext, FormPurpose);
        Fields = Build(null);
        return Page();
    }

    public IActionResult OnPost(string guideId)
    {
        if (catalog.Find(guideId) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        var ticket = forms.Check(HttpContext, FormPurpose, Nonce);
        if (ticket is not null && forms.Created(ticket, Exists) is { } created)
        {
            return RedirectToPage("/Coordinator/Index", new { token = created, notice = SelfEval.Web.Pages.Coordinator.CoordinatorNotice.Created }); // the same form sent twice
        }

        var form = AnswerForm.Read(Request.Form, Profile.Questions);
        var errors = new List<string>();
        var answers = form.Upserts.ToDictionary(a => a.QuestionId, a => a.ToAnswer(Guide.FindQuestion(a.QuestionId))!);
        var visibility = Visibility.Of(Guide, answers);
        var missing = Profile.Questions.Where(q => q.Required && visibility.Questions.Contains(q.Id) && !answers.ContainsKey(q.Id)).ToList();
        if ((CoordinatorName?.Trim().Length ?? 0) > NameLimit)
        {
            errors.Add($"Ihr Name ist zu lang (höchstens {NameLimit} Zeichen).");
        }

        if (ticket is null)
        {
            // Not the form this browser was given (or a day old): no link, but nothing typed is lost.
            errors.Add(OneTimeForms.Refused);
            Nonce = forms.Issue(HttpContext, FormPurpose);
        }

        if (form.HasErrors || missing.Count > 0 || errors.Count > 0)
        {
            var missingIds = missing.Select(q => q.Id).ToHashSet();
            Fields = Build(form, q => missingIds.Contains(q.Id) ? "Bitte beantworten Sie diese Frage." : null);
            if (form.UnknownQuestions.Count > 0)
            {
                errors.Add("Das Formular enthielt Angaben zu Fragen, die es hier nicht gibt; sie wurden nicht übernommen.");
            }

            Errors = errors;

            return Page();
        }

        var token = forms.Create(ticket!, Exists, token => assessments.Create(new AssessmentStore.NewAssessment(
            Guide.Id, versions.Ensure(Guide), Tokens.Hash(token), Tokens.Hash(Tokens.Invite(token, 1)), OptIn,
            string.IsNullOrWhiteSpace(CoordinatorName) ? null : CoordinatorName.Trim(), form.Upserts)));
        return RedirectToPage("/Coordinator/Index", new { token, notice = SelfEval.Web.Pages.Coordinator.CoordinatorNotice.Created });
    }

    private string FormPurpose => $"start:{Guide.Id}";

    private bool Exists(string token) => assessments.FindByCoordinatorToken(token) is not null;

    private List<QuestionField> Build(AnswerForm? form, Func<Question, string?>? required = null)
    {
        var text = new QuestionnaireText(Guide);
        return Profile.Questions.Select(q =>
        {
            var field = form?.Fields.First(f => f.Question.Id == q.Id);
            var error = field?.Check.Error ?? required?.Invoke(q);
            return new QuestionField(q, text.NumberOf(q), null, field?.Raw, error, Hidden: false, ReadOnly: false);
        }).ToList();
    }
}
