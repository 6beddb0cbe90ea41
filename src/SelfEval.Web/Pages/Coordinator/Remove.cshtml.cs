using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>Removing a member after a confirmation and a choice about their answers: neither can be undone.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class RemoveModel(AssessmentAccess access, AssessmentStore assessments, PeopleStore people) : PageModel
{
    public const string Delete = "loeschen";

    public const string Keep = "behalten";

    public PersonLookup Found { get; private set; } = null!;

    public string? Error { get; private set; }

    public IActionResult OnGet(string token, long id) => Load(token, id) ? Page() : NotFound();

    public IActionResult OnPostRemove(string token, long id, string? answers)
    {
        if (!Load(token, id))
        {
            // Removed already (a double click) or never there: the list shows how things stand.
            return access.Coordinator(token) is null ? NotFound() : RedirectToPage("Index", new { token });
        }

        if (Found.Context.Round.IsClosed)
        {
            return Page();
        }

        if (answers is not (Delete or Keep))
        {
            Error = PeopleTexts.RemoveChoiceMissing;
            return Page();
        }

        people.Remove(Found.Context.Round.Id, id, keepAnswers: answers == Keep);
        return RedirectToPage("Index", new { token, notice = CoordinatorNotice.Removed });
    }

    private bool Load(string token, long id)
    {
        if (PersonLookup.Find(access, assessments, token, id) is not { } found)
        {
            return false;
        }

        Found = found;
        return true;
    }
}
