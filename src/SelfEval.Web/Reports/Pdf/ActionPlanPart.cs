using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The action plan (Maßnahmenplan) as a table: question, what, who, by when, status; the next due first.</summary>
internal sealed class ActionPlanPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Actions.Count == 0 ? null : ProfileTexts.ActionPlanTitle;

    public void Render(PdfLayout l, ProfileReport report)
    {
        PdfBlocks.H2(l, ProfileTexts.ActionPlanTitle, keep: 90);
        PdfBlocks.Intro(l, ProfileTexts.ActionPlanIntro(report.Actions));
        var table = new PdfTable(l, [
            (ProfileTexts.ActionQuestionColumn, 0.34), (ProfileTexts.ActionWhatColumn, 0.32), (ProfileTexts.ActionWhoColumn, 0.12),
            (ProfileTexts.ActionDueColumn, 0.11), (ProfileTexts.ActionStatusColumn, 0.11)]);
        foreach (var a in report.Actions)
        {
            table.Row(Question(a), What(a, report.Header.RoundNumber),
                [new Run(ProfileTexts.Who(a.Who), PdfTheme.Small, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Due(a.Due), PdfTheme.Small, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Status(a.Status), PdfTheme.Small, PdfTheme.InkBrush)]);
        }

        table.End();
    }

    /// <summary>The question with its section under it, small: the plan is read by what is to be done.</summary>
    public static IReadOnlyList<Run> Question(ActionLine a)
    {
        var runs = new List<Run> { new(ProfileTexts.ActionQuestion(a), PdfTheme.Small, PdfTheme.InkBrush) };
        if (ProfileTexts.ActionSection(a) is { } section)
        {
            runs.Add(new Run("\n" + section, PdfTheme.Small, PdfTheme.MutedBrush));
        }

        return runs;
    }

    private static IReadOnlyList<Run> What(ActionLine a, int round)
    {
        var runs = new List<Run> { new(a.What, PdfTheme.Bold, PdfTheme.InkBrush) };
        if (a.RoundNumber != round)
        {
            runs.Add(new Run("\n" + ProfileTexts.FromRound(a.RoundNumber), PdfTheme.Small, PdfTheme.MutedBrush));
        }

        return runs;
    }
}
