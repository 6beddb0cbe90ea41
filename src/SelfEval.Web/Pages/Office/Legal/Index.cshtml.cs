using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Legal;

namespace SelfEval.Web.Pages.Office.Legal;

/// <summary>The three legal pages with whether each still shows the shipped default.</summary>
public sealed class IndexModel(LegalPageStore store) : PageModel
{
    public IReadOnlyList<LegalText> Pages { get; private set; } = [];

    public void OnGet() => Pages = LegalPages.All.Select(store.Get).ToList();
}
