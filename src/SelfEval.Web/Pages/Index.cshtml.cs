using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Scoring.Model;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages;

public sealed class IndexModel(QuestionnaireCatalog catalog) : PageModel
{
    public IReadOnlyList<Questionnaire> Guides { get; private set; } = [];

    public void OnGet() => Guides = catalog.Questionnaires;
}
