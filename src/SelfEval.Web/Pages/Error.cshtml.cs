using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;

namespace SelfEval.Web.Pages;

[IgnoreAntiforgeryToken] // re-executed for failed POSTs too
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>The database could not be written (read-only or full): the person's entry was not saved.</summary>
    public bool StorageUnavailable { get; private set; }

    public void OnGet(int? status) => Set(status);

    public void OnPost(int? status) => Set(status);

    private void Set(int? status)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        StorageUnavailable = error is SqliteException { SqliteErrorCode: 8 or 13 or 14 };
        Status = StorageUnavailable ? StatusCodes.Status503ServiceUnavailable : status ?? StatusCodes.Status500InternalServerError;
    }
}
