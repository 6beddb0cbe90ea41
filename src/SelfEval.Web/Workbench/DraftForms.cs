using Microsoft.AspNetCore.Http.Features;

namespace SelfEval.Web.Workbench;

/// <summary>
/// The workbench's forms carry a whole guide in one field (up to <see cref="WorkbenchTexts.MaxDraftBytes"/>), beyond
/// the 64 KB every other form is held to. The limit must be set before anything reads the form: the request guards
/// (Security.UseRequestGuards) read every form before routing, so an attribute on the page comes too late.
/// </summary>
public static class DraftForms
{
    public const string Path = "/servicestelle/leitfaeden";

    private static readonly FormOptions Options = new()
    {
        // A URL-encoded field grows with every umlaut; the body itself is still capped by Kestrel's limit.
        ValueLengthLimit = 4 * WorkbenchTexts.MaxDraftBytes,
        ValueCountLimit = 64,
        MultipartBodyLengthLimit = 4 * WorkbenchTexts.MaxDraftBytes,
    };

    public static IApplicationBuilder UseDraftForms(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal))
            {
                context.Features.Set<IFormFeature>(new FormFeature(context.Request, Options));
            }

            return next(context);
        });
}
