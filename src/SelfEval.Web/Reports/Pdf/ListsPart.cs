using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>Strengths and development areas in full: up to five each, with the answers and the next steps.</summary>
internal sealed class ListsPart : IPdfPart
{
    public string? Title(ProfileReport report) => $"{ProfileTexts.StrengthsTitle}, {ProfileTexts.WeaknessesTitle}";

    public void Render(PdfLayout l, ProfileReport r)
    {
        PdfBlocks.H2(l, ProfileTexts.StrengthsTitle);
        PdfBlocks.Intro(l, ProfileTexts.StrengthsIntro(r));
        foreach (var s in r.Strengths)
        {
            PdfBlocks.Numbered(l, s.Number, [new(s.Text, PdfTheme.Bold, PdfTheme.InkBrush), .. Answer(s)]);
        }

        PdfBlocks.H2(l, ProfileTexts.WeaknessesTitle);
        PdfBlocks.Intro(l, ProfileTexts.WeaknessesIntro(r));
        foreach (var w in r.Weaknesses)
        {
            var runs = new List<Run> { new(w.Item.Text, PdfTheme.Bold, PdfTheme.InkBrush) };
            runs.AddRange(Answer(w.Item));
            if (w.Hint is { } hint)
            {
                runs.Add(new Run("\n" + ProfileTexts.NextStepLabel, PdfTheme.Bold, PdfTheme.AccentBrush));
                runs.Add(new Run(hint, PdfTheme.Body, PdfTheme.InkBrush));
            }

            PdfBlocks.Numbered(l, w.Item.Number, runs, after: 6);
        }
    }

    private static Run[] Answer(ItemRef item) =>
        [new Run("\n" + ProfileTexts.AnswerLabel, PdfTheme.SmallBold, PdfTheme.MutedBrush), new Run(ProfileTexts.Answer(item), PdfTheme.Small, PdfTheme.MutedBrush)];
}
