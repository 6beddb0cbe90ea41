using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>On its own pages, headed „Anhang“: every section in detail, the full discussion list, the open answers, the method.</summary>
internal sealed class AppendixPart : IPdfPart
{
    public string? Title(ProfileReport report) => ProfileTexts.AppendixTitle;

    public void Render(PdfLayout l, ProfileReport r)
    {
        l.Paragraph(ProfileTexts.AppendixTitle, PdfTheme.Title, PdfTheme.InkBrush, after: 2);
        Details(l, r);
        if (r.Team is { Discuss.Count: > 0 } team)
        {
            PdfBlocks.H2(l, ProfileTexts.DiscussTitle);
            PdfBlocks.Intro(l, ProfileTexts.DiscussIntro(team));
            TeamPart.DotList(l, team.Discuss, withRange: true);
        }

        OpenAnswers(l, r);
        EvidenceNotes(l, r);
        PdfMarkdown.Render(l, r.MethodMarkdown);
    }

    private static void Details(PdfLayout l, ProfileReport r)
    {
        PdfBlocks.H2(l, ProfileTexts.DetailsTitle);
        foreach (var section in r.Details)
        {
            PdfBlocks.H3(l, $"{section.Number} {section.Title}", keep: 36);
            var summary = new List<string> { ProfileTexts.ValueAndBand(section.Score) };
            if (section.Agreement is { } a)
            {
                summary.Add(ProfileTexts.AgreementInline(a));
            }

            if (ProfileTexts.MeasuresInline(section.Measures) is { } measures)
            {
                summary.Add(measures);
            }

            PdfBlocks.Note(l, string.Join(" · ", summary));
            var table = new PdfTable(l, [(string.Empty, 0.07), (string.Empty, 0.5), (string.Empty, 0.43)]);
            foreach (var item in section.Items)
            {
                var answer = new List<Run> { new(ProfileTexts.Answer(item.Answer), PdfTheme.Small, PdfTheme.MutedBrush) };
                if (item.ToDiscuss)
                {
                    answer.Add(new Run(" · " + ProfileTexts.DiscussMark, PdfTheme.SmallBold, PdfTheme.TeamBrush));
                }

                if (ProfileTexts.AgreedDetail(item) is { } agreed)
                {
                    answer.Add(new Run("\n" + agreed, PdfTheme.Small, PdfTheme.AccentBrush));
                }

                table.Row(
                    [new Run(item.Number, PdfTheme.Small, PdfTheme.MutedBrush)],
                    [new Run(item.Text, PdfTheme.Small, PdfTheme.InkBrush)],
                    answer);
            }

            table.End(after: 2);
        }
    }

    private static void OpenAnswers(PdfLayout l, ProfileReport r)
    {
        // The goals lead page one; here every text stands in full beside the others, with the note on how they are ordered.
        var questions = r.Goals.Concat(r.OpenAnswers).ToList();
        if (questions.Count == 0)
        {
            return;
        }

        PdfBlocks.H2(l, Assessments.SharingTexts.OpenAnswersTitle);
        if (!r.Header.OwnAnswersOnly)
        {
            PdfBlocks.Intro(l, Assessments.SharingTexts.OpenAnswersNote);
        }

        foreach (var question in questions)
        {
            PdfBlocks.H3(l, $"{question.Number} {question.Text}", keep: 24);
            Dashes(l, question.Answers);
        }
    }

    /// <summary>The evidence notes per question, after the open answers and with the same care: no names, sorted.</summary>
    private static void EvidenceNotes(PdfLayout l, ProfileReport r)
    {
        if (r.EvidenceNotes.Count == 0)
        {
            return;
        }

        PdfBlocks.H2(l, ProfileTexts.EvidenceTitle);
        if (!r.Header.OwnAnswersOnly)
        {
            PdfBlocks.Intro(l, ProfileTexts.EvidenceNote);
        }

        foreach (var question in r.EvidenceNotes)
        {
            PdfBlocks.H3(l, $"{question.Number} {question.Text}", keep: 24);
            Dashes(l, question.Answers);
        }
    }

    /// <summary>Texts one under the other, each after a dash, wrapped and broken across pages.</summary>
    private static void Dashes(PdfLayout l, IReadOnlyList<string> texts)
    {
        foreach (var text in texts)
        {
            var lines = l.Wrap([new Run(text, PdfTheme.Body, PdfTheme.InkBrush)], PdfLayout.Width - 10);
            l.Need(lines.Count > 0 ? lines[0].Height : 0);
            l.Text("–", PdfTheme.Bold, PdfTheme.AccentBrush, PdfLayout.Left, l.Y);
            foreach (var line in lines)
            {
                l.Need(line.Height);
                l.Lines([line], PdfLayout.Left + 10, l.Y);
                l.Y += line.Height;
            }

            l.Y += 3;
        }
    }
}
