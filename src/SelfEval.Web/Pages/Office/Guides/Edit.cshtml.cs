using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Loading;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Pages.Office.Guides;

/// <summary>
/// A draft in a plain text area with its line numbers beside it. Saving checks it with the files in force and lists
/// every error at its line; a draft with errors is saved all the same, so no work is lost, but cannot be published.
/// </summary>
// A draft may be as large as WorkbenchTexts.MaxDraftBytes: the form limits of these pages are raised by DraftForms.
public sealed class EditModel(DraftStore drafts) : PageModel
{
    public Draft Draft { get; private set; } = null!;

    public CheckedDraft Checked { get; private set; } = null!;

    /// <summary>The text in the text area: the saved one, or what was sent when it could not be saved.</summary>
    public string Text { get; private set; } = string.Empty;

    public string? Refusal { get; private set; }

    public bool JustSaved { get; private set; }

    /// <summary>
    /// The hash of the stored text the form was filled from (<see cref="DraftStore.TextHash"/>), sent back with a save: a
    /// save based on a text someone else has replaced since is refused instead of overwriting theirs.
    /// </summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>The draft as someone else saved it meanwhile, shown beside the refused text so it can be merged by hand.</summary>
    public Draft? Current { get; private set; }

    /// <summary>The errors in the draft's own file, by line, for the marks beside the text.</summary>
    public ILookup<int, LoadError> ErrorsByLine { get; private set; } = Array.Empty<LoadError>().ToLookup(e => e.Line);

    public IActionResult OnGet(long id, bool gespeichert = false)
    {
        if (drafts.Get(id) is not { } draft)
        {
            return NotFound();
        }

        JustSaved = gespeichert;
        Show(draft, draft.Text, DraftStore.TextHash(draft.Text));
        return Page();
    }

    public IActionResult OnPostSave(long id, string? text, string? version)
    {
        if (drafts.Get(id) is not { } draft)
        {
            return NotFound();
        }

        text ??= string.Empty;
        var bytes = Encoding.UTF8.GetByteCount(DraftStore.Normalise(text));
        if (bytes > WorkbenchTexts.MaxDraftBytes)
        {
            Refusal = WorkbenchTexts.TextTooLarge(bytes);
            Show(draft, text, version ?? string.Empty);
            return Page();
        }

        // The same text twice (a double click, a resent form) is no conflict: nothing of anyone's would be lost.
        if (DraftStore.Normalise(text) == draft.Text)
        {
            return RedirectToPage(new { id, gespeichert = true });
        }

        if (version != DraftStore.TextHash(draft.Text) || !drafts.Save(id, text, User.Identity!.Name!, expected: draft.Text))
        {
            return drafts.Get(id) is { } current ? Conflict(current, text) : NotFound();
        }

        return RedirectToPage(new { id, gespeichert = true });
    }

    private PageResult Conflict(Draft current, string text)
    {
        Refusal = WorkbenchTexts.ChangedMeanwhile(current.UpdatedBy, WorkbenchTexts.When(current.UpdatedAt));
        Current = current;
        // The next save is based on the text now shown beside it: merged by hand, it goes through.
        Show(current, text, DraftStore.TextHash(current.Text));
        return Page();
    }

    public IActionResult OnGetDownload(long id) =>
        drafts.Get(id) is { } draft ? File(Encoding.UTF8.GetBytes(draft.Text), "text/markdown; charset=utf-8", draft.FileName) : NotFound();

    private void Show(Draft draft, string text, string version)
    {
        Draft = draft;
        Version = version;
        Text = DraftStore.Normalise(text);
        Checked = drafts.Check(draft.Id, draft.FileName, draft.Text);
        ErrorsByLine = Checked.Result.Errors.Where(e => e.Source == draft.FileName).ToLookup(e => e.Line);
    }
}
