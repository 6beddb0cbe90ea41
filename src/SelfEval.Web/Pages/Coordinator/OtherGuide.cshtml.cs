using Microsoft.AspNetCore.Mvc;
using SelfEval.Scoring.Model;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// Starting the initiative's other guide from the coordinator page: the profile comes over where the other guide asks
/// the same questions (what does not fit is named), the consent to the comparison is asked again with the old choice
/// set, and the coordinator's link leads to both guides afterwards.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class OtherGuideModel(
    AssessmentAccess access, AssessmentStore assessments, Initiatives initiatives, QuestionnaireCatalog catalog, SelfEval.Web.Office.ComparisonCodeStore codes) : CoordinatorPage(access)
{
    public Questionnaire Guide { get; private set; } = null!;

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    public IReadOnlyList<NotCarried> NotCarried { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Whether the initiative's comparison code comes along (see <see cref="AssessmentStore.CreateOtherGuide"/>).</summary>
    public bool HasComparisonCode { get; private set; }

    [BindProperty]
    public bool OptIn { get; set; }

    [BindProperty]
    public string? CoordinatorName { get; set; }

    private Section Profile => Guide.Sections.First(s => s.IsProfile);

    private IReadOnlyDictionary<string, Answer> _carried = new Dictionary<string, Answer>();

    public IActionResult OnGet(string token, string guideId)
    {
        if (Load(token, guideId) is { } refused)
        {
            return refused;
        }

        OptIn = Context.Assessment.ComparisonOptIn;
        CoordinatorName = assessments.Coordinator(Context.Round.Id).Label;
        Fields = Build(null);
        return Page();
    }

    public IActionResult OnPost(string token, string guideId)
    {
        if (Load(token, guideId) is { } refused)
        {
            return refused;
        }

        var form = AnswerForm.Read(Request.Form, Profile.Questions);
        var answers = form.Upserts.ToDictionary(a => a.QuestionId, a => a.ToAnswer(Guide.FindQuestion(a.QuestionId))!);
        var visibility = Visibility.Of(Guide, answers);
        var missing = Profile.Questions.Where(q => q.Required && visibility.Questions.Contains(q.Id) && !answers.ContainsKey(q.Id)).Select(q => q.Id).ToHashSet();
        var tooLong = (CoordinatorName?.Trim().Length ?? 0) > SelfEval.Web.Pages.Assessments.StartModel.NameLimit;
        if (form.HasErrors || missing.Count > 0 || tooLong)
        {
            Fields = Build(form, q => missing.Contains(q.Id) ? "Bitte beantworten Sie diese Frage." : null);
            Errors = tooLong ? [$"Ihr Name ist zu lang (höchstens {SelfEval.Web.Pages.Assessments.StartModel.NameLimit} Zeichen)."] : [];
            return Page();
        }

        var label = string.IsNullOrWhiteSpace(CoordinatorName) ? null : CoordinatorName.Trim();
        return initiatives.Start(Context, Guide, form.Upserts, label, OptIn) is { } other
            ? RedirectToPage("/Coordinator/Index", new { token = other, notice = CoordinatorNotice.OtherGuideStarted })
            : NotFound();
    }

    /// <summary>Null when the page may be shown; otherwise where the request ends.</summary>
    private IActionResult? Load(string token, string guideId)
    {
        if (!Load(token) || catalog.Find(guideId) is not { } guide || guide.Id == Context.Assessment.QuestionnaireId)
        {
            return NotFound();
        }

        Guide = guide;
        var view = initiatives.Of(token, Context.Assessment);
        var target = view.Guides.First(g => g.GuideId == guide.Id);
        if (target.CoordinatorToken is { } started)
        {
            return RedirectToPage("/Coordinator/Index", new { token = started }); // already started: its page, not a second one
        }

        if (!view.CanStart(target))
        {
            return NotFound();
        }

        // Worked out from the current round's profile with the rule that carries it into a new round of the same guide.
        var plan = ProfileCarryOver.For(assessments.GetProfile(Context.Round.Id), guide, Context.Questionnaire);
        NotCarried = plan.NotCarried;
        _carried = AssessmentAccess.Read(guide, plan.Carried);
        HasComparisonCode = codes.HasCode(Context.Assessment.Id);
        return null;
    }

    private List<QuestionField> Build(AnswerForm? form, Func<Question, string?>? required = null)
    {
        var text = new QuestionnaireText(Guide);
        return Profile.Questions.Select(q =>
        {
            var field = form?.Fields.First(f => f.Question.Id == q.Id);
            var error = field?.Check.Error ?? required?.Invoke(q);
            return new QuestionField(q, text.NumberOf(q), _carried.GetValueOrDefault(q.Id), field?.Raw, error, Hidden: false, ReadOnly: false);
        }).ToList();
    }
}
