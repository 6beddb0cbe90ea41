using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Scoring.Versions;
using SelfEval.Web.Answering;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Office.Preview;

public enum PreviewMode { Section, Blank, Profile }

/// <summary>
/// A guide version seen as a respondent sees it, without saving anything: one section at a time with the
/// answering page's own question partials, the blank paper form, and the profile that made-up answers give.
/// The profile answers that steer the conditions come from a GET form (or a preset link), so the preview works
/// without JavaScript and every view can be bookmarked or sent to a colleague.
/// </summary>
public abstract class PreviewPageModel(TimeProvider clock) : PageModel
{
    public PreviewSubject Subject { get; private set; } = null!;

    public PreviewMode Mode { get; private set; }

    /// <summary>The guide as loaded; null when the draft does not load (the page then lists its errors).</summary>
    public Questionnaire? Guide => Subject.Draft.Guide;

    public QuestionnaireText Text { get; private set; } = null!;

    /// <summary>The profile questions the guide's conditions name, to choose a profile with.</summary>
    public IReadOnlyList<QuestionField> Chooser { get; private set; } = [];

    /// <summary>The route values of the current view with the chosen profile answers, for links that keep them.</summary>
    public Dictionary<string, string> Chosen { get; private set; } = [];

    public Visibility Visibility { get; private set; } = null!;

    public Section? Current { get; private set; }

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    public AnswerScenario Scenario { get; private set; }

    public ProfileReport? Report { get; private set; }

    public string PageTitle => Guide is null ? Subject.Draft.FileName : PreviewTexts.Title(Subject.IsDraft, Guide.Title);

    /// <summary>The draft or guide this page is about, from the route; null when there is none.</summary>
    protected abstract PreviewSubject? Resolve();

    public IActionResult OnGet(string? sectionId)
    {
        if (!Load(PreviewMode.Section))
        {
            return NotFound();
        }

        if (Guide is null)
        {
            return Page();
        }

        Current = sectionId is null ? Guide.Sections[0] : Guide.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (Current is null)
        {
            return NotFound();
        }

        var form = Read(Current.Questions);
        Visibility = Visibility.Of(Guide, Answers(form));
        Fields = Current.Questions.Select(q => Field(q, form, hidden: !Visibility.Questions.Contains(q.Id))).ToList();
        return Page();
    }

    public IActionResult OnGetBlank()
    {
        if (!Load(PreviewMode.Blank))
        {
            return NotFound();
        }

        return Page();
    }

    public IActionResult OnGetProfile(AnswerScenario answers = AnswerScenario.AllLow)
    {
        if (!Load(PreviewMode.Profile) || !Enum.IsDefined(answers))
        {
            return NotFound();
        }

        Scenario = answers;
        if (Guide is null || !Subject.Draft.CanPublish)
        {
            return Page();
        }

        var profile = Answers(Read([]));
        var card = Scorer.Score(Guide, profile, GeneratedAnswers.For(Guide, answers));
        var today = SelfEval.Web.Data.Time.BerlinDate(clock.GetUtcNow());
        Report = ProfileBuilder.Build(card, Subject.Draft.Offers, new ProfileSubject(ProfileFacts.InitiativeName(profile), today, 1));
        return Page();
    }

    /// <summary>Whether the question is one a condition of the guide names, so it belongs in the profile chooser.</summary>
    private static HashSet<string> Named(Questionnaire guide) =>
        guide.Sections.Select(s => s.Condition)
            .Concat(guide.Questions.Select(q => q.Condition))
            .OfType<Condition>()
            .SelectMany(c => c.Clauses)
            .Select(c => c.QuestionId)
            .ToHashSet(StringComparer.Ordinal);

    private bool Load(PreviewMode mode)
    {
        if (Resolve() is not { } subject)
        {
            return false;
        }

        Subject = subject;
        Mode = mode;
        if (Guide is not null)
        {
            Text = QuestionnaireText.For(Guide);
        }

        return true;
    }

    private AnswerForm Read(IEnumerable<Question> section)
    {
        var own = section.ToList();
        var named = Named(Guide!);
        var chooser = Guide!.Questions.Where(q => q.IsProfile && named.Contains(q.Id) && !own.Contains(q)).ToList();
        var query = new FormCollection(Request.Query.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var form = AnswerForm.Read(query, chooser.Concat(own));
        Chooser = chooser.Select(q => Field(q, form, hidden: false)).ToList();
        Chosen = form.Fields
            .Where(f => chooser.Contains(f.Question) && f.Raw.Values.Count == 1)
            .ToDictionary(f => AnswerForm.FieldName(f.Question), f => f.Raw.Values[0], StringComparer.Ordinal);
        return form;
    }

    private static Dictionary<string, Answer> Answers(AnswerForm form) =>
        form.Fields.Where(f => f.Check.Answer is not null).ToDictionary(f => f.Question.Id, f => f.Check.Answer!, StringComparer.Ordinal);

    private QuestionField Field(Question question, AnswerForm form, bool hidden)
    {
        var field = form.Fields.First(f => f.Question == question);
        var typed = field.Raw.Values.Count > 0 || field.Raw.NotRelevant || field.Raw.DontKnow;
        return new QuestionField(question, Text.NumberOf(question), null, typed ? field.Raw : null, typed ? field.Check.Error : null, Hidden: hidden, ReadOnly: false)
        {
            Evidence = field.Evidence,
        };
    }

    /// <summary>The profile chosen by a preset: its phase, when the guide's profile offers that phase.</summary>
    public IEnumerable<(string Label, Dictionary<string, string> Route)> Presets(string? handler)
    {
        if (Guide?.FindQuestion("phase") is not { } phase)
        {
            yield break;
        }

        foreach (var (label, value) in PreviewTexts.Presets.Where(p => phase.FindOption(p.Phase) is not null))
        {
            var route = Subject.Route(Current?.Id);
            route[AnswerForm.FieldName(phase)] = value;
            if (handler is not null)
            {
                route["handler"] = handler;
            }

            yield return (label, route);
        }
    }

    /// <summary>Whether a preset's phase is the one chosen now.</summary>
    public bool IsChosen(Dictionary<string, string> preset) =>
        preset.Where(p => p.Key.StartsWith("q.", StringComparison.Ordinal)).All(p => Chosen.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>The route values of a section link that keeps the chosen profile.</summary>
    public Dictionary<string, string> SectionRoute(string sectionId)
    {
        var route = Subject.Route(sectionId);
        foreach (var (key, value) in Chosen)
        {
            route[key] = value;
        }

        return route;
    }
}
