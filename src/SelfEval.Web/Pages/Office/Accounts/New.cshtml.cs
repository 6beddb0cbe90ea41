using Microsoft.AspNetCore.Mvc;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office.Accounts;

/// <summary>A new account with a password the office member types twice and hands on; the rules are the command line's.</summary>
public sealed class NewModel(OfficeUserStore users, OneTimeForms forms) : AccountForm(forms)
{
    private readonly OneTimeForms _forms = forms;

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordRepeated { get; set; }

    protected override string Purpose => "office-account:new";

    public void OnGet() => IssueNonce();

    public IActionResult OnPost()
    {
        Name = Name.Trim();
        if (Ticket() is not { } ticket)
        {
            return Page();
        }

        var errors = new List<string>();
        if (!OfficeUserStore.IsValidName(Name))
        {
            errors.Add(AccountTexts.InvalidName);
        }

        var password = NewPassword(Password, PasswordRepeated, errors);
        bool Exists(string _) => users.Find(Name) is not null;
        if (errors.Count == 0 && _forms.Created(ticket, Exists) is null && Exists(string.Empty))
        {
            errors.Add(AccountTexts.Taken(Name));
        }

        if (errors.Count > 0)
        {
            Errors.AddRange(errors);
            Password = PasswordRepeated = null;
            IssueNonce();
            return Page();
        }

        // Sent twice, the form finds the account it created the first time and says so again.
        _forms.Create(ticket, Exists, _ => users.Create(Name, password!) ?? 0);
        Done = AccountTexts.Created(Name);
        return Page();
    }
}
