using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Pages.Office.Guides;

/// <summary>The office's workbench: every guide with the version new rounds start with, its earlier versions, and the drafts.</summary>
public sealed class IndexModel(QuestionnaireCatalog catalog, QuestionnaireVersionStore versions, DraftStore drafts, PublicationStore publications) : PageModel
{
    /// <summary>One guide as the workbench lists it.</summary>
    /// <param name="InForce">The office's publication new rounds start with; null when the folder's file is in force.</param>
    /// <param name="Replaced">The office's latest publication when a changed folder file replaced it at start-up.</param>
    public sealed record GuideRow(Questionnaire Guide, CatalogFile File, Publication? InForce, Publication? Replaced, IReadOnlyList<QuestionnaireVersionStore.StoredVersion> Earlier);

    public IReadOnlyList<GuideRow> Guides { get; private set; } = [];

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    public string? UploadError { get; private set; }

    /// <summary>The guide just published, for the note at the top.</summary>
    public Questionnaire? JustPublished { get; private set; }

    public bool JustDiscarded { get; private set; }

    public void OnGet(WorkbenchNotice? notice, string? guideId, string? veroeffentlicht, bool verworfen = false)
    {
        notice ??= veroeffentlicht is not null ? WorkbenchNotice.Published : verworfen ? WorkbenchNotice.Discarded : null;
        JustPublished = notice == WorkbenchNotice.Published && (guideId ?? veroeffentlicht) is { } id ? catalog.Find(id) : null;
        JustDiscarded = notice == WorkbenchNotice.Discarded;
        Load();
    }

    /// <summary>The text new rounds start with, as a file: to keep, to edit elsewhere, to hand to whoever ships the folder.</summary>
    public IActionResult OnGetDownload(string leitfaden) =>
        catalog.FileOf(leitfaden) is { } file ? File(Encoding.UTF8.GetBytes(file.Text), "text/markdown; charset=utf-8", file.Name) : NotFound();

    public IActionResult OnPostCopy(string leitfaden) =>
        catalog.FileOf(leitfaden) is { } file ? ToDraft(file.Name, file.Text) : NotFound();

    public IActionResult OnPostCopyVersion(long version)
    {
        if (versions.GuideFile(version) is not { } source)
        {
            return NotFound();
        }

        var id = DraftStore.DeclaredId(source.Text);
        return ToDraft(id is not null && catalog.FileOf(id) is { } file ? file.Name : Path.GetFileName(source.Name), source.Text);
    }

    public IActionResult OnPostCopyPublication(long publication) =>
        publications.Get(publication) is { } p ? ToDraft(p.FileName, p.Text) : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? datei)
    {
        var upload = await DraftUpload.ReadAsync(datei, catalog, HttpContext.RequestAborted);
        if (upload.Refusal is not null)
        {
            UploadError = upload.Refusal;
            Load();
            return Page();
        }

        return ToDraft(upload.FileName!, upload.Text!);
    }

    private RedirectToPageResult ToDraft(string fileName, string text) =>
        RedirectToPage("Edit", new { id = drafts.Create(fileName, text, User.Identity!.Name!) });

    private void Load()
    {
        var latest = publications.Latest().ToDictionary(p => p.QuestionnaireId, StringComparer.Ordinal);
        Guides = catalog.Questionnaires.Select(guide =>
        {
            var published = latest.GetValueOrDefault(guide.Id);
            var inForce = published is not null && publications.InForce(published);
            return new GuideRow(guide, catalog.FileOf(guide.Id)!, inForce ? published : null, inForce ? null : published,
                versions.History(guide.Id).Where(v => v.Hash != guide.Hash).ToList());
        }).ToList();
        Drafts = drafts.All();
    }
}
