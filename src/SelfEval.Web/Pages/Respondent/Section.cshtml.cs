using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;
using SelfEval.Web.Answering;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Respondent;

/// <summary>One section of the guide as a form. Every step saves; with JavaScript, every change does.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
public sealed class SectionModel(
    AssessmentAccess access, AssessmentStore assessments, ResponseStore responses, SelfEval.Web.Pages.Conversation.LastRoundReader lastRounds) : PageModel
{
    public AnswerSession Session { get; private set; } = null!;

    public SectionProgress Current { get; private set; } = null!;

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool ShowNewLink { get; private set; }

    public RespondentContext Context { get; private set; } = null!;

    public Section Section { get; private set; } = null!;

    public IActionResult OnGet(string token, string sectionId, AnswerNotice? notice, string? neu, string? hinweis)
    {
        if (!Load(token, sectionId))
        {
            return NotFound();
        }

        notice = AnswerNotices.FromOldQuery(notice, neu, hinweis);
        ShowNewLink = notice == AnswerNotice.NewLink;
        Notice = AnswerNotices.OnSection(notice);
        Fields = BuildFields(null);
        return Page();
    }

    public IActionResult OnPost(string token, string sectionId, string? go, string? shown)
    {
        if (!Load(token, sectionId))
        {
            return NotFound();
        }

        var form = AnswerForm.Read(Request.Form, Section.Questions);
        if (Context.ReadOnly)
        {
            Errors = [ReadOnlyMessage];
            Fields = BuildFields(null);
            return Page();
        }

        Save(form);
        Load(token, sectionId);
        if (form.HasErrors)
        {
            Fields = BuildFields(form);
            Errors = form.UnknownQuestions.Count > 0
                ? ["Das Formular enthielt Angaben zu Fragen, die es in diesem Abschnitt nicht gibt; sie wurden nicht gespeichert."]
                : [];
            Notice = form.Upserts.Count + form.Clears.Count > 0 ? "Ihre übrigen Antworten auf dieser Seite sind gespeichert." : null;
            return Page();
        }

        var before = (shown ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var appeared = Section.Questions.Any(q => Session.IsVisible(q) && !before.Contains(q.Id) && !Context.All.ContainsKey(q.Id));
        if (appeared && go is null or "weiter")
        {
            return RedirectToPage(new { token, sectionId = Section.Id, notice = AnswerNotice.MoreQuestions });
        }

        var target = go switch
        {
            "zurueck" => Session.Previous(Section),
            _ when go?.StartsWith("abschnitt:", StringComparison.Ordinal) == true => Session.Find(go["abschnitt:".Length..]) is { Visible: true } s ? s.Section : Section,
            "pruefen" => null,
            "bleiben" => Section,
            _ => Session.Next(Section),
        };
        return target is null
            ? RedirectToPage("/Respondent/Review", new { token })
            : RedirectToPage(new { token, sectionId = target.Id, notice = target == Section ? AnswerNotice.Saved : (AnswerNotice?)null });
    }

    /// <summary>The background save of the page's script: same checks, a small JSON answer, no page.</summary>
    public IActionResult OnPostAutosave(string token, string sectionId)
    {
        if (!LoadSection(token, sectionId))
        {
            return NotFound();
        }

        var form = AnswerForm.Read(Request.Form, Section.Questions);
        if (Context.ReadOnly)
        {
            return new JsonResult(new { saved = false, message = ReadOnlyMessage });
        }

        Save(form);
        return new JsonResult(new
        {
            saved = true,
            errors = form.Errors.ToDictionary(f => f.Question.Id, f => f.Error),
        });
    }

    private string ReadOnlyMessage => Context.Round.IsClosed
        ? "Dieser Durchgang ist abgeschlossen. Antworten können nicht mehr geändert werden; es wurde nichts gespeichert."
        : "Sie haben Ihre Antworten bereits abgeschlossen; es wurde nichts geändert. Die Koordination kann sie wieder öffnen.";

    private bool Load(string token, string sectionId)
    {
        if (!LoadSection(token, sectionId))
        {
            return false;
        }

        Session = new AnswerSession(Context);
        Current = Session.Find(sectionId)!; // the sections the person works on, as LoadSection checked
        return true;
    }

    /// <summary>
    /// The link and the section, without <see cref="Session"/>: the background save needs no visibility and progress
    /// of the whole guide (a good part of a save's CPU, on every change). Not found: an unknown section, or the profile
    /// for a team member, as <see cref="AnswerSession.Find"/> decides for a page.
    /// </summary>
    private bool LoadSection(string token, string sectionId)
    {
        if (access.Respondent(token) is not { } context
            || context.Questionnaire.Sections.FirstOrDefault(s => s.Id == sectionId) is not { } section
            || !context.Answers(section))
        {
            return false;
        }

        Context = context;
        Section = section;
        return true;
    }

    private void Save(AnswerForm form)
    {
        if (Section.IsProfile)
        {
            assessments.SaveProfile(Context.Round.Id, form.Upserts, form.Clears);
            assessments.SetLastSection(Context.Respondent.Id, Section.Id);
        }
        else
        {
            responses.Save(Context.Respondent.Id, form.Upserts, form.Clears, Section.Id);
        }
    }

    private List<QuestionField> BuildFields(AnswerForm? form)
    {
        var lastTime = lastRounds.AgreedTexts(Context); // what the team agreed on in its last conversation, per question
        return Section.Questions.Select(q =>
        {
            var field = form?.Fields.First(f => f.Question.Id == q.Id);
            return new QuestionField(
                q, Session.Text.NumberOf(q), Context.All.GetValueOrDefault(q.Id), field?.Raw, field?.Check.Error,
                Hidden: !Session.IsVisible(q), ReadOnly: Context.ReadOnly)
            {
                // What was typed stays on the page whatever else went wrong; without a form, what is saved.
                Evidence = form is null ? Context.Evidence.GetValueOrDefault(q.Id) : field!.Evidence,
                EvidenceError = field?.EvidenceError,
                LastTime = lastTime.GetValueOrDefault(q.Id),
            };
        }).ToList();
    }

    /// <summary>The answers the page's script needs to evaluate conditions that refer to other sections.</summary>
    public string KnownAnswersJson() => System.Text.Json.JsonSerializer.Serialize(
        Context.All.Where(a => Session.Progress.Visibility.Questions.Contains(a.Key)).ToDictionary(
            a => a.Key,
            a => a.Value is Answer.DontKnow ? [AnswerForm.DontKnowValue]
                : Context.Questionnaire.FindQuestion(a.Key) is { } q && a.Value is not Answer.NotRelevant ? q.Kind().ScriptValues(a.Value)
                : []),
        KnownAnswersContext.Default.DictionaryStringIReadOnlyListString);
}

/// <summary>The known answers' JSON written by generated code, not by reflection on every page (issue 16's speed work).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, IReadOnlyList<string>>))]
internal sealed partial class KnownAnswersContext : System.Text.Json.Serialization.JsonSerializerContext;
