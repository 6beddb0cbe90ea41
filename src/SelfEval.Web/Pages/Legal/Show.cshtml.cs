using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SelfEval.Web.Legal;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Legal;

/// <summary>Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit, as the office wrote them or as shipped.</summary>
public sealed class ShowModel(LegalPageStore store, MarkdownRenderer markdown, IOptions<SelfEvalOptions> options) : PageModel
{
    public LegalPage Legal { get; private set; }

    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet(string seite)
    {
        if (LegalPages.FromSlug(seite) is not { } page)
        {
            return NotFound();
        }

        Legal = page;
        var text = store.Get(page);
        Html = markdown.Render(LegalTexts.Fill(text.Markdown, LegalTexts.Placeholders(options.Value, text)));
        return Page();
    }
}
