using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SelfEval.Web.Legal;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Office.Legal;

/// <summary>
/// One legal page in a plain text area, with a preview exactly as the public page will show it (placeholders filled,
/// Markdown rendered by the same renderer) before anything is saved.
/// </summary>
public sealed class EditModel(LegalPageStore store, MarkdownRenderer markdown, IOptions<SelfEvalOptions> options, TimeProvider clock) : PageModel
{
    public LegalPage Legal { get; private set; }

    /// <summary>What is saved now (the default until the office saves).</summary>
    public LegalText Current { get; private set; } = null!;

    [BindProperty]
    public string? Markdown { get; set; }

    public IHtmlContent Preview { get; private set; } = HtmlString.Empty;

    public IReadOnlyList<LegalTexts.Placeholder> Placeholders { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public IActionResult OnGet(string seite)
    {
        if (!Load(seite))
        {
            return NotFound();
        }

        Markdown = Current.Markdown;
        Render();
        return Page();
    }

    public IActionResult OnPostPreview(string seite)
    {
        if (!Load(seite))
        {
            return NotFound();
        }

        if (Check())
        {
            Notice = LegalTexts.PreviewOnly;
        }

        Render();
        return Page();
    }

    public IActionResult OnPostSave(string seite)
    {
        if (!Load(seite))
        {
            return NotFound();
        }

        if (!Check())
        {
            Render();
            return Page();
        }

        store.Save(Legal, Markdown!, User.Identity?.Name ?? "Servicestelle");
        return RedirectToPage("Index");
    }

    /// <summary>Puts the shipped text into the field, unsaved: a way back from a page that went wrong.</summary>
    public IActionResult OnPostDefault(string seite)
    {
        if (!Load(seite))
        {
            return NotFound();
        }

        Markdown = LegalPageStore.Default(Legal).Markdown;
        ModelState.Remove(nameof(Markdown)); // the field shows the default, not the text that was posted
        Notice = LegalTexts.DefaultLoaded;
        Render();
        return Page();
    }

    private bool Load(string seite)
    {
        if (LegalPages.FromSlug(seite) is not { } page)
        {
            return false;
        }

        Legal = page;
        Current = store.Get(page);
        return true;
    }

    private bool Check()
    {
        Error = string.IsNullOrWhiteSpace(Markdown) ? LegalTexts.Empty
            : Markdown.Length > LegalPageStore.MaxLength ? LegalTexts.TooLong(Markdown.Length)
            : null;
        return Error is null;
    }

    /// <summary>The preview as the page would read if saved now: the date of "Stand" is today's.</summary>
    private void Render()
    {
        var asSaved = new LegalText(Legal, Markdown ?? string.Empty, clock.GetUtcNow(), User.Identity?.Name);
        Placeholders = LegalTexts.Placeholders(options.Value, asSaved);
        Preview = Markdown is { Length: > 0 and <= LegalPageStore.MaxLength } text
            ? markdown.Render(LegalTexts.Fill(text, Placeholders))
            : HtmlString.Empty;
    }
}
