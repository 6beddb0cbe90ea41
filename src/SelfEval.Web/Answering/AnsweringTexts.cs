using SelfEval.Web.Assessments;

namespace SelfEval.Web.Answering;

/// <summary>
/// How to answer, in one place for the online start and the printed blank form, so both say the same.
/// </summary>
public static class AnsweringTexts
{
    public const string Title = "So beantworten Sie die Fragen";

    public const string Levels =
        "Jede Frage hat ihre eigenen Antwortstufen, von der schwächsten zuerst bis zur stärksten zuletzt. " +
        "Wählen Sie die, die am besten passt. Es gibt keine richtigen oder falschen Antworten.";

    public const string OwnGoals =
        "Beurteilen Sie Ihre Initiative an ihren eigenen Zielen, nicht an anderen Initiativen.";

    public const string NotRelevant =
        "Wo „nicht relevant für unsere Ziele“ steht, dürfen Sie diese Antwort wählen, wenn die Frage nicht zu den Zielen Ihrer Initiative passt. Sie wird dann nicht bewertet.";

    public const string DontKnow =
        "„weiß nicht“ ist eine ehrliche Antwort, wenn Sie etwas nicht beurteilen können. Sie fließt nicht in die Werte ein.";

    /// <summary>
    /// Why numbers have gaps: they are the guide's, the same for everyone in the team, in the profile and on paper,
    /// so a team can talk about "Frage 8.3"; a question that does not apply is skipped with its number.
    /// </summary>
    public const string Numbers =
        "Die Nummern der Abschnitte und Fragen sind für alle im Team und im Profil gleich. Fragen, die nach Ihren Antworten nicht zutreffen, entfallen; ihre Nummern fehlen dann.";

    public const string Saving =
        "Ihre Antworten werden beim Weiterblättern gespeichert. Sie können jederzeit unterbrechen und später weitermachen.";

    public const string EvidenceSummary = "Beleg angeben (optional)";

    public const string EvidenceLabel = "Woran machen Sie das fest?";

    public const string EvidenceHint =
        "Zum Beispiel ein Dokument, ein Beschluss, ein Termin oder ein Link. Wer Ihre Antworten sieht, sieht auch den Beleg; im Teamgespräch und im Team-Profil steht er ohne Namen.";

    /// <summary>How the overview introduces a note under the answer.</summary>
    public const string EvidenceReview = "Beleg: ";

    /// <summary>Above the team's notes for one question, in the team conversation.</summary>
    public static string EvidenceTeam(int notes) => notes == 1
        ? "Ein Beleg aus dem Team (ohne Namen):"
        : $"{notes} Belege aus dem Team (ohne Namen, alphabetisch):";

    public static string EvidenceTooLong(int limit, int length) =>
        $"Der Beleg ist zu lang: höchstens {limit} Zeichen, Sie haben {length} geschrieben.";

    /// <summary>Who sees this person's answers one by one: the coordinator's own are in their downloads, a member's as they chose.</summary>
    public static string WhoSees(RespondentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.IsCoordinator
            ? SharingTexts.CoordinatorOwnAnswers
            : $"{SharingTexts.Hint(context.Respondent.Sharing)} {SharingTexts.OthersNever} {SharingTexts.ChangeLater}";
    }

    /// <summary>After a save that showed further questions on the same page (see <see cref="AnswerNotice.MoreQuestions"/>).</summary>
    public const string MoreQuestions = "Aufgrund Ihrer Antworten gibt es in diesem Abschnitt weitere Fragen.";

    /// <summary>After "Speichern" that stays on the page (see <see cref="AnswerNotice.Saved"/>).</summary>
    public const string Saved = "Ihre Antworten sind gespeichert.";
}
