using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Pages.Office.Preview;

/// <summary>The preview of the published version of a guide: what is live, seen as a respondent sees it.</summary>
public sealed class GuideModel(TimeProvider clock, QuestionnaireCatalog catalog) : PreviewPageModel(clock)
{
    protected override PreviewSubject? Resolve() =>
        RouteData.Values["guideId"]?.ToString() is { } id ? PreviewSubject.ForGuide(catalog, id) : null;
}
