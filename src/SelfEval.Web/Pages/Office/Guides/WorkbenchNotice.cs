namespace SelfEval.Web.Pages.Office.Guides;

/// <summary>
/// What the guide list says after a step, passed on in the redirect as <c>?notice=</c> (English, like every route value);
/// the German words of older addresses (<c>?veroeffentlicht=id</c>, <c>?verworfen=True</c>) are still read.
/// </summary>
public enum WorkbenchNotice
{
    /// <summary>A draft was published; the route value <c>guideId</c> names the guide.</summary>
    Published,
    Discarded,
}
