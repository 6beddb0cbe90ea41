using System.Globalization;

namespace SelfEval.Web.Pages.Office.Preview;

/// <summary>The preview of a draft of the workbench.</summary>
public sealed class DraftModel(TimeProvider clock, IServiceProvider services) : PreviewPageModel(clock)
{
    protected override PreviewSubject? Resolve() =>
        long.TryParse(RouteData.Values["draftId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? PreviewSubject.ForDraft(services, id)
            : null;
}
