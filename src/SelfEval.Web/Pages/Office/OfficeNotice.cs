using SelfEval.Web.Office;

namespace SelfEval.Web.Pages.Office;

/// <summary>
/// What the office's dashboard or login page says after a step, passed on in the redirect as <c>?notice=</c> with one of
/// these names (English, like every route value). The German words of older addresses are read by <see cref="OfficeNotices.FromOldQuery"/>.
/// </summary>
public enum OfficeNotice
{
    /// <summary>A new snapshot of the figures was published from the dashboard.</summary>
    Published,
    LoggedOut,
}

public static class OfficeNotices
{
    /// <summary>
    /// The notice of an address bookmarked before the notices had names of their own (<c>?hinweis=veroeffentlicht</c>,
    /// <c>?abgemeldet=1</c>); a notice given by name wins.
    /// </summary>
    public static OfficeNotice? FromOldQuery(OfficeNotice? notice, string? hinweis, string? abgemeldet) =>
        notice ?? (hinweis, abgemeldet) switch
        {
            ("veroeffentlicht", _) => OfficeNotice.Published,
            (_, not null) => OfficeNotice.LoggedOut,
            _ => null,
        };

    public static string Text(OfficeNotice notice) => notice switch
    {
        OfficeNotice.Published => OfficeTexts.SnapshotPublished,
        OfficeNotice.LoggedOut => OfficeTexts.LoggedOut,
        _ => throw new ArgumentOutOfRangeException(nameof(notice)),
    };
}
