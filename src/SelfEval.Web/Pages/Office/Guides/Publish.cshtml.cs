using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Versions;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Pages.Office.Guides;

/// <summary>
/// Publishing a draft after a last look: what it replaces, that new rounds start with it at once and rounds already
/// started keep theirs. A draft with errors is refused here too, whatever the form sent.
/// </summary>
public sealed class PublishModel(DraftStore drafts, PublicationStore publications, QuestionnaireCatalog catalog) : PageModel
{
    public CheckedDraft? Checked { get; private set; }

    /// <summary>Someone published the file since this draft was started: publishing replaces their version.</summary>
    public bool PublishedSince { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>What publishing changes against the version in force, so its warnings are read before confirming.</summary>
    public GuideDifferences? Differences { get; private set; }

    public IReadOnlyList<SelfEval.Scoring.Loading.LoadError> Errors { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        if (drafts.Get(id) is not { } draft)
        {
            Refusal = WorkbenchTexts.DraftGone;
            return Page();
        }

        Checked = drafts.Check(draft.Id, draft.FileName, draft.Text);
        var current = catalog.Files.FirstOrDefault(f => f.Name == draft.FileName);
        PublishedSince = current is not null && draft.BasedOnHash != DraftStore.TextHash(current.Text);
        if (!Checked.CanPublish)
        {
            Refusal = WorkbenchTexts.HasErrors;
            Errors = Checked.Result.Errors;
        }
        else if (Checked.Result.Kinds.GetValueOrDefault(draft.FileName) != SelfEval.Scoring.Model.FileKind.Questionnaire)
        {
            Refusal = WorkbenchTexts.OnlyGuides;
        }
        else if (Checked is { Guide: { } guide, Published: { } published })
        {
            Differences = GuideComparison.Compare(published, guide, catalog.Offers, Checked.Offers);
        }

        return Page();
    }

    public IActionResult OnPostPublish(long id)
    {
        var outcome = publications.Publish(id, User.Identity!.Name!);
        if (outcome.Guide is { } guide)
        {
            return RedirectToPage("Index", new { notice = WorkbenchNotice.Published, guideId = guide.Id });
        }

        Refusal = outcome.Refusal;
        Errors = outcome.Errors;
        return Page();
    }
}
