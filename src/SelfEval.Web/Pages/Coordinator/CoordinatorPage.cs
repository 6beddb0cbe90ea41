using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Assessments;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// What the coordinator's pages behind the coordinator page share (close, reopen, release, delete, profile, other
/// guide, export, and the person pages): the coordinator link looked up on every request, GET and POST alike (an
/// unknown link is no page), and the way back to the coordinator page with the notice of what was done.
/// </summary>
public abstract class CoordinatorPage(AssessmentAccess access) : PageModel
{
    public CoordinatorContext Context { get; private set; } = null!;

    protected AssessmentAccess Access => access;

    /// <summary>Looks the coordinator link up; false when it is unknown (the page answers 404).</summary>
    protected bool Load(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return false;
        }

        Context = context;
        return true;
    }

    /// <summary>For a subclass that found the coordinator link on its own way (a person lookup does it with the member).</summary>
    protected void UseContext(CoordinatorContext context) => Context = context;

    /// <summary>Back to the coordinator page, with the notice of what was done (none: the page shows how things stand).</summary>
    protected RedirectToPageResult ToCoordinatorPage(CoordinatorNotice? notice = null) => RedirectToPage("Index", new { token = Context.Token, notice });
}

/// <summary>
/// The confirmation pages about one member of the current round (remove, merge, new link): the member found through
/// the coordinator link, and the answer when they are not (or no longer) there.
/// </summary>
public abstract class PersonPage(AssessmentAccess access, AssessmentStore assessments) : CoordinatorPage(access)
{
    public PersonLookup Found { get; private set; } = null!;

    public string? Error { get; protected set; }

    protected AssessmentStore Assessments => assessments;

    /// <summary>Looks the member up (see <see cref="PersonLookup.Find"/>); false when the link or the member is unknown.</summary>
    protected bool Load(string token, long id)
    {
        if (PersonLookup.Find(Access, assessments, token, id) is not { } found)
        {
            return false;
        }

        Found = found;
        UseContext(found.Context);
        return true;
    }

    /// <summary>A member not found when a form comes back: removed already (a double click) or never there; the list shows how things stand.</summary>
    protected IActionResult Gone(string token) => Load(token) ? ToCoordinatorPage() : NotFound();
}
