namespace SelfEval.Web.Answering;

/// <summary>
/// What a member's page says after a step, passed on in the redirect as <c>?notice=</c> with one of these names
/// (English, like every route value). The German words of older addresses are read by <see cref="AnswerNotices.FromOldQuery"/>.
/// </summary>
public enum AnswerNotice
{
    /// <summary>Right after joining: keep this personal link.</summary>
    NewLink,

    /// <summary>The answers just saved showed further questions on the same page.</summary>
    MoreQuestions,

    Saved,

    SharingSaved,
}

public static class AnswerNotices
{
    /// <summary>
    /// The notice of an address bookmarked before the notices had names of their own (<c>?neu=1</c>, <c>?hinweis=…</c>);
    /// a notice given by name wins.
    /// </summary>
    public static AnswerNotice? FromOldQuery(AnswerNotice? notice, string? neu, string? hinweis) =>
        notice ?? hinweis switch
        {
            "neu" => AnswerNotice.MoreQuestions,
            "gespeichert" => AnswerNotice.Saved,
            "teilen" => AnswerNotice.SharingSaved,
            _ => neu is null ? null : AnswerNotice.NewLink,
        };

    /// <summary>The sentence a section page shows for the notice, if it shows one there.</summary>
    public static string? OnSection(AnswerNotice? notice) => notice switch
    {
        AnswerNotice.MoreQuestions => AnsweringTexts.MoreQuestions,
        AnswerNotice.Saved => AnsweringTexts.Saved,
        AnswerNotice.NewLink or AnswerNotice.SharingSaved or null => null,
        _ => null,
    };
}
