using Microsoft.Extensions.DependencyInjection;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Workbench;

namespace SelfEval.Web.Pages.Office.Preview;

/// <summary>
/// What a preview shows: a draft of the workbench, or the published version of a guide (which needs no draft and
/// shows the office what is live). Both as a <see cref="CheckedDraft"/>, so the pages never tell them apart.
/// </summary>
public sealed record PreviewSubject(CheckedDraft Draft, long? DraftId, string? GuideId)
{
    public bool IsDraft => DraftId is not null;

    /// <summary>
    /// The draft with that id, or null when there is none. The draft store registers <see cref="IDraftLoader"/>;
    /// until it does, there are no drafts to find.
    /// </summary>
    public static PreviewSubject? ForDraft(IServiceProvider services, long draftId) =>
        services.GetService<IDraftLoader>()?.Load(draftId) is { } draft ? new PreviewSubject(draft, draftId, null) : null;

    /// <summary>The version of the guide new rounds start with.</summary>
    public static PreviewSubject? ForGuide(QuestionnaireCatalog catalog, string guideId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Find(guideId) is not { } guide)
        {
            return null;
        }

        var source = guide.Sources[0];
        var result = new LoadResult([guide], catalog.Offers, [], new Dictionary<string, FileKind> { [source.Name] = FileKind.Questionnaire });
        return new PreviewSubject(new CheckedDraft(0, source.Name, source.Text, result, guide, catalog.Offers, guide), null, guideId);
    }

    /// <summary>The route values that lead back to this subject's pages.</summary>
    public Dictionary<string, string> Route(string? sectionId = null)
    {
        var values = IsDraft
            ? new Dictionary<string, string> { ["draftId"] = DraftId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new Dictionary<string, string> { ["guideId"] = GuideId! };
        if (sectionId is not null)
        {
            values["sectionId"] = sectionId;
        }

        return values;
    }

    /// <summary>The page of this subject's kind: Draft or Guide.</summary>
    public string Page => IsDraft ? "/Office/Preview/Draft" : "/Office/Preview/Guide";
}
