using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Infrastructure;

namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// A new personal link for a member who lost theirs, shown once to the coordinator to pass on. The form is a one-time
/// form like the join form: a double click shows the same new link instead of minting (and invalidating) a second one.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("links")]
[SelfEval.Web.Infrastructure.LimitPosts(SelfEval.Web.Infrastructure.PostLimits.RoundActions)]
public sealed class ReissueModel(AssessmentAccess access, AssessmentStore assessments, PeopleStore people, OneTimeForms forms, PublicUrl publicUrl) : PersonPage(access, assessments)
{
    [BindProperty]
    public string Nonce { get; set; } = string.Empty;

    /// <summary>The new link, after the post only.</summary>
    public string? NewLink { get; private set; }

    /// <summary>Whether the new link hides the answers saved so far (see <see cref="PeopleStore.Reissue"/>).</summary>
    public bool Hides => Found.Person.Sharing != AnswerSharing.Name;

    /// <summary>
    /// Whether the new link makes a finished member unfinished: it hides the answers, so the person answers again
    /// before finishing anew (in a closed round nothing changes, so the finished state stays there).
    /// </summary>
    public bool Unfinishes => Hides && Found.Person.IsFinished && !Found.Context.Round.IsClosed;

    public IActionResult OnGet(string token, long id)
    {
        if (!Load(token, id))
        {
            return NotFound();
        }

        Nonce = forms.Issue(HttpContext, Purpose(id));
        return Page();
    }

    public IActionResult OnPostReissue(string token, long id)
    {
        if (!Load(token, id))
        {
            return NotFound();
        }

        if (forms.Check(HttpContext, Purpose(id), Nonce) is not { } ticket)
        {
            Nonce = forms.Issue(HttpContext, Purpose(id));
            Error = OneTimeForms.Refused;
            return Page();
        }

        var round = Context.Round.Id;
        var personal = forms.Create(
            ticket,
            link => Assessments.FindByRespondentToken(link) is { } known && known.Respondent.Id == id,
            link =>
            {
                people.Reissue(round, id, Tokens.Hash(link));
                return id;
            });
        NewLink = publicUrl.Of(Request, Url.Page("/Respondent/Index", new { token = personal }));
        return Page();
    }

    private static string Purpose(long id) => $"reissue:{id}";
}
