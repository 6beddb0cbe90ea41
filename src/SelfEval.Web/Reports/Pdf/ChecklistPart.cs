using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>For founding teams, right after page one: what is not done yet, with its next step, as one compact table.</summary>
internal sealed class ChecklistPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Checklist is { Count: > 0 } ? ProfileTexts.ChecklistTitle : null;

    public void Render(PdfLayout l, ProfileReport report)
    {
        PdfBlocks.H2(l, ProfileTexts.ChecklistTitle, keep: 80);
        PdfBlocks.Intro(l, ProfileTexts.ChecklistIntro);
        var table = new PdfTable(l, [
            (ProfileTexts.NumberColumn, 0.055),
            (ProfileTexts.QuestionColumn, 0.245),
            (ProfileTexts.StateColumn, 0.33),
            (ProfileTexts.NextStepColumn, 0.37),
        ]);
        foreach (var item in report.Checklist!.SelectMany(s => s.Items))
        {
            table.Row(
                [new Run(item.Number, PdfTheme.SmallBold, PdfTheme.AccentBrush)],
                [new Run(item.Text, PdfTheme.Small, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Answer(item.State), PdfTheme.Small, PdfTheme.MutedBrush)],
                [new Run(item.NextStep, PdfTheme.Small, PdfTheme.InkBrush)]);
        }

        table.End();
    }
}
