using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Guides;

/// <summary>The whole blank questionnaire on one page, for reading ahead and for workshops on paper.</summary>
public sealed class BlankModel(QuestionnaireCatalog catalog) : PageModel
{
    public Questionnaire Guide { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (catalog.Find(id) is not { } guide)
        {
            return NotFound();
        }

        Guide = guide;
        return Page();
    }
}
