using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office;

/// <summary>
/// Issuing comparison codes: a printable batch, shown once. The office hands them out at network meetings or
/// by letter and keeps no list of who got which; the service keeps only their hashes.
/// </summary>
public sealed class CodesModel(ComparisonCodeStore codes) : PageModel
{
    public (int Issued, int Used) Counts { get; private set; }

    public IReadOnlyList<string> Issued { get; private set; } = [];

    /// <summary>As typed: a wrong entry is answered with a message, never with a default batch.</summary>
    [BindProperty]
    public string? Count { get; set; } = "10";

    public string? Error { get; private set; }

    public void OnGet() => Counts = codes.Counts();

    public IActionResult OnPost()
    {
        if (!int.TryParse(Count?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > ComparisonCodeStore.MaxBatch)
        {
            Error = $"Bitte geben Sie eine Anzahl von 1 bis {ComparisonCodeStore.MaxBatch} ein.";
            Counts = codes.Counts();
            return Page();
        }

        Issued = codes.Issue(count).Select(ComparisonCodeStore.Format).ToList();
        Counts = codes.Counts();
        return Page();
    }
}
