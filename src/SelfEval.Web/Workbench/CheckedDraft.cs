using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Web.Workbench;

/// <summary>
/// A draft of one questionnaire file as the loader sees it: loaded together with the published files it
/// belongs to (the profile, the offers, the other guides), with the draft's text in place of its file.
/// The preview, the comparison and publishing all work on this one shape, so they never disagree about
/// what a draft is.
/// </summary>
/// <param name="DraftId">The draft's id in the office's workbench.</param>
/// <param name="FileName">The file the draft replaces or adds, e.g. <c>sich-gut-aufstellen.md</c>.</param>
/// <param name="Text">The draft's Markdown as saved.</param>
/// <param name="Result">Everything the loader found; errors carry the draft's file name and line.</param>
/// <param name="Guide">The guide the draft defines or, for a profile or offers draft, the first guide as answered with it; null when the draft does not load.</param>
/// <param name="Offers">The offers in force with this draft (the draft's own when it is the offers file).</param>
/// <param name="Published">The version of the same guide new rounds start with today; null for a new guide.</param>
public sealed record CheckedDraft(
    long DraftId,
    string FileName,
    string Text,
    LoadResult Result,
    Questionnaire? Guide,
    OfferCatalog? Offers,
    Questionnaire? Published)
{
    /// <summary>A draft with any error may be saved but never published or previewed as answers.</summary>
    public bool CanPublish => Result.Success && Guide is not null;
}

/// <summary>Finds a draft and loads it against the published files. Implemented by the workbench's draft store.</summary>
public interface IDraftLoader
{
    /// <summary>The checked draft, or null when there is no draft with that id.</summary>
    CheckedDraft? Load(long draftId);
}
