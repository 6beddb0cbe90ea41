namespace SelfEval.Web.Pages.Coordinator;

/// <summary>
/// What the coordinator page says after a step, passed on in the redirect as <c>?notice=</c> with one of these names
/// (English, like every route value). The German words of older addresses are read by <see cref="CoordinatorNotices.FromOldQuery"/>.
/// </summary>
public enum CoordinatorNotice
{
    /// <summary>Right after starting: this page is the coordination's only way in.</summary>
    Created,
    Closed,
    NewRound,
    Reopened,
    AnswersReopened,
    NewInvite,
    ProfileSaved,
    ActionsMarked,
    Removed,
    Merged,
    Released,
    Withdrawn,
    ComparisonSaved,
    CodeWithoutConsent,
    CodeSaved,
    TooEarly,
    OtherGuideStarted,
    Kept,
}

public static class CoordinatorNotices
{
    /// <summary>
    /// The notice of an address bookmarked before the notices had names of their own (<c>?neu=1</c>, <c>?hinweis=…</c>);
    /// a notice given by name wins.
    /// </summary>
    public static CoordinatorNotice? FromOldQuery(CoordinatorNotice? notice, string? neu, string? hinweis) =>
        notice ?? hinweis switch
        {
            "geschlossen" => CoordinatorNotice.Closed,
            "neue-runde" => CoordinatorNotice.NewRound,
            "wieder-offen" => CoordinatorNotice.Reopened,
            "geoeffnet" => CoordinatorNotice.AnswersReopened,
            "einladung" => CoordinatorNotice.NewInvite,
            "profil" => CoordinatorNotice.ProfileSaved,
            "massnahmen" => CoordinatorNotice.ActionsMarked,
            "entfernt" => CoordinatorNotice.Removed,
            "zusammengefuehrt" => CoordinatorNotice.Merged,
            "freigegeben" => CoordinatorNotice.Released,
            "zurueckgezogen" => CoordinatorNotice.Withdrawn,
            "vergleich" => CoordinatorNotice.ComparisonSaved,
            "code-ohne-zustimmung" => CoordinatorNotice.CodeWithoutConsent,
            "code" => CoordinatorNotice.CodeSaved,
            "zu-frueh" => CoordinatorNotice.TooEarly,
            "anderer-leitfaden" => CoordinatorNotice.OtherGuideStarted,
            "behalten" => CoordinatorNotice.Kept,
            _ => neu is null ? null : CoordinatorNotice.Created,
        };
}
