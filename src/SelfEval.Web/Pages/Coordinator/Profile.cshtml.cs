using Microsoft.AspNetCore.Mvc;
using SelfEval.Scoring.Model;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// The initiative's profile, editable from the coordinator page while the round is open, whether or not the
/// coordinator finished their own answers: a typo in the initiative's name no longer needs reopened answers.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class ProfileModel(AssessmentAccess access, AssessmentStore assessments) : CoordinatorPage(access)
{
    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    private Section Profile => Context.Questionnaire.Sections.First(s => s.IsProfile);

    public IActionResult OnGet(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        Fields = Build(null);
        return Page();
    }

    public IActionResult OnPost(string token)
    {
        if (!Load(token))
        {
            return NotFound();
        }

        if (Context.Round.IsClosed)
        {
            Fields = Build(null);
            return Page();
        }

        var form = AnswerForm.Read(Request.Form, Profile.Questions);
        var answers = form.Upserts.ToDictionary(a => a.QuestionId, a => a.ToAnswer(Context.Questionnaire.FindQuestion(a.QuestionId))!);
        var visibility = Visibility.Of(Context.Questionnaire, answers);
        var missing = Profile.Questions.Where(q => q.Required && visibility.Questions.Contains(q.Id) && !answers.ContainsKey(q.Id)).Select(q => q.Id).ToHashSet();
        if (form.HasErrors || missing.Count > 0)
        {
            // Nothing is stored until the whole profile is valid: it is one record of the initiative, not a page of answers.
            Fields = Build(form, q => missing.Contains(q.Id) ? "Bitte beantworten Sie diese Frage." : null);
            Errors = form.UnknownQuestions.Count > 0 ? ["Das Formular enthielt Angaben zu Fragen, die es hier nicht gibt; sie wurden nicht übernommen."] : [];
            return Page();
        }

        assessments.SaveProfile(Context.Round.Id, form.Upserts, form.Clears);
        return ToCoordinatorPage(CoordinatorNotice.ProfileSaved);
    }

    private List<QuestionField> Build(AnswerForm? form, Func<Question, string?>? required = null)
    {
        var text = new QuestionnaireText(Context.Questionnaire);
        return Profile.Questions.Select(q =>
        {
            var field = form?.Fields.First(f => f.Question.Id == q.Id);
            var error = field?.Check.Error ?? required?.Invoke(q);
            return new QuestionField(q, text.NumberOf(q), Context.Profile.GetValueOrDefault(q.Id), field?.Raw, error, Hidden: false, ReadOnly: Context.Round.IsClosed);
        }).ToList();
    }
}
