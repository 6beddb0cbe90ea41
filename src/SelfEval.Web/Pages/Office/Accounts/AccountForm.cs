using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>
/// What the account pages share: each form is a one-time form (a nonce bound to this browser, see <see cref="OneTimeForms"/>)
/// besides the antiforgery token, so a form sent twice or copied elsewhere does nothing a second time.
/// </summary>
public abstract class AccountForm(OneTimeForms forms) : PageModel
{
    [BindProperty]
    public string Nonce { get; set; } = string.Empty;

    /// <summary>The message after the post; the page then shows it instead of the form.</summary>
    public string? Done { get; protected set; }

    public List<string> Errors { get; } = [];

    protected abstract string Purpose { get; }

    protected void IssueNonce() => Nonce = forms.Issue(HttpContext, Purpose);

    /// <summary>The checked nonce, or null after a fresh one was issued and the refusal noted.</summary>
    protected FormTicket? Ticket()
    {
        if (forms.Check(HttpContext, Purpose, Nonce) is { } ticket)
        {
            return ticket;
        }

        IssueNonce();
        Errors.Add(OneTimeForms.Refused);
        return null;
    }

    /// <summary>The new password typed twice, checked against the one rule for passwords; null after noting why not.</summary>
    protected string? NewPassword(string? password, string? repeated, List<string> errors)
    {
        if (!OfficeUserStore.IsValidPassword(password))
        {
            errors.Add(AccountTexts.PasswordTooShort);
        }
        else if (password != repeated)
        {
            errors.Add(AccountTexts.PasswordsDiffer);
        }

        return errors.Count == 0 ? password : null;
    }

    protected PageResult Refused(string error)
    {
        Errors.Add(error);
        IssueNonce();
        return Page();
    }
}

/// <summary>
/// A confirmed form about one existing account (disable, enable, new password): the account is looked up by the
/// route's id on every request, an unknown one answers 404.
/// </summary>
public abstract class AccountPage(OfficeUserStore users, OneTimeForms forms) : AccountForm(forms)
{
    public OfficeAccount Account { get; private set; } = null!;

    protected OfficeUserStore Users => users;

    /// <summary>Finds the account; false when there is none with this id.</summary>
    protected bool Load(long id)
    {
        if (users.Find(id) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }

    /// <summary>
    /// The POST's prologue: 404 for an unknown id, the page again (with a fresh form and the refusal noted) for a form
    /// sent twice or too late; null to go on, with the checked form in <see cref="Checked"/>.
    /// </summary>
    protected IActionResult? Stopped(long id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        Checked = Ticket();
        return Checked is null ? Page() : null;
    }

    protected FormTicket? Checked { get; private set; }

    /// <summary>The GET of every such page: the account and a fresh one-time form, or 404.</summary>
    protected IActionResult Opened(long id)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        IssueNonce();
        return Page();
    }
}

