using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Versions;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Office.Preview;

/// <summary>What publishing a draft would change, question by question, and what that does to earlier rounds.</summary>
public sealed class CompareModel(IServiceProvider services, QuestionnaireCatalog catalog) : PageModel
{
    public PreviewSubject Subject { get; private set; } = null!;

    /// <summary>Null when the draft does not load or there is no published version to compare with.</summary>
    public GuideDifferences? Differences { get; private set; }

    public IActionResult OnGet(long draftId)
    {
        if (PreviewSubject.ForDraft(services, draftId) is not { } subject)
        {
            return NotFound();
        }

        Subject = subject;
        var draft = subject.Draft;
        if (draft is { Guide: { } guide, Published: { } published })
        {
            Differences = GuideComparison.Compare(published, guide, catalog.Offers, draft.Offers);
        }

        return Page();
    }

    /// <summary>"1.2 (ziele-gemeinsam)": the number the respondent sees, in the version the question is in, and its id.</summary>
    public string Label(QuestionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind == ChangeKind.Removed ? Label(Subject.Draft.Published!, change.PublishedId) : Label(Subject.Draft.Guide!, change.QuestionId);
    }

    public string Label(ComparabilityWarning warning) => Label(Subject.Draft.Guide!, Subject.Draft.Published!, warning);

    /// <summary>The question a warning is about, as the draft numbers it (or the published version, if the draft dropped it).</summary>
    public static string Label(Questionnaire draft, Questionnaire published, ComparabilityWarning warning)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(warning);
        return draft.FindQuestion(warning.QuestionId) is not null ? Label(draft, warning.QuestionId) : Label(published, warning.QuestionId);
    }

    private static string Label(Questionnaire guide, string id) =>
        guide.FindQuestion(id) is { } q ? $"{QuestionnaireText.For(guide).NumberOf(q)} ({id})" : id;
}
