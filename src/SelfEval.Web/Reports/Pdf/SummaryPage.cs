using PdfSharp.Drawing;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>
/// Page one is the profile: who and when, the overall result, practice and results, the team's goals, the first
/// three of each list with next steps and contacts, the top discussion topics as dots, and the contents.
/// </summary>
internal static class SummaryPage
{
    private static readonly XBrush White = XBrushes.White;

    /// <summary>Renders page one and returns where the contents go (page and top), with room kept for <paramref name="entries"/> lines.</summary>
    public static (int Page, double Y) Render(PdfLayout l, ProfileReport r, int entries)
    {
        Header(l, r.Header);
        Overall(l, r);
        Goals(l, r);
        Strengths(l, r);
        Weaknesses(l, r);
        Offers(l, r);
        Discuss(l, r);
        return Contents(l, entries);
    }

    private static void Header(PdfLayout l, ProfileHeader h)
    {
        var kind = l.Wrap([new Run($"{ProfileTexts.ProfileKind} · {h.GuideTitle}", PdfTheme.SmallBold, White)], PdfLayout.Width);
        var name = l.Wrap([new Run(h.InitiativeName, PdfTheme.Title, White)], PdfLayout.Width);
        var meta = l.Wrap(
            [new Run(string.Join(" · ", ProfileTexts.Round(h.RoundNumber), ProfileTexts.Date(h.Date), ProfileTexts.Respondents(h), ProfileTexts.GuideVersion(h)), PdfTheme.Small, White)],
            PdfLayout.Width);
        const double top = 26;
        var height = top + kind.Sum(x => x.Height) + 3 + name.Sum(x => x.Height) + 3 + meta.Sum(x => x.Height) + 14;
        l.G.DrawRectangle(PdfTheme.AccentBrush, 0, 0, PdfLayout.PageWidth, height);
        var y = top;
        y += l.Lines(kind, PdfLayout.Left, y) + 3;
        y += l.Lines(name, PdfLayout.Left, y) + 3;
        l.Lines(meta, PdfLayout.Left, y);
        l.Y = height + 14;
    }

    private static void Overall(PdfLayout l, ProfileReport r)
    {
        l.Heading(ProfileTexts.SummaryTitle, PdfTheme.H2, before: 0, keep: 60, after: 4);
        var top = l.Y;
        var figureWidth = 0.0;
        if (r.Overall.Shown is not null)
        {
            var figure = ProfileTexts.Value(r.Overall);
            figureWidth = Math.Max(l.TextWidth(figure, PdfTheme.Figure), l.TextWidth(ProfileTexts.OutOf, PdfTheme.Small)) + 14;
            l.Text(figure, PdfTheme.Figure, PdfTheme.AccentBrush, PdfLayout.Left, top - 4);
            l.Text(ProfileTexts.OutOf, PdfTheme.Small, PdfTheme.MutedBrush, PdfLayout.Left + 1, top + 32);
        }

        var x = PdfLayout.Left + figureWidth;
        var band = r.Overall.Band;
        var runs = new List<Run>
        {
            new(ProfileTexts.OverallLabel + ": " + (band ?? ProfileTexts.NotAssessable) + "\n", PdfTheme.H3, PdfTheme.InkBrush),
            new(ProfileTexts.OverallSentence(r), PdfTheme.Body, PdfTheme.InkBrush),
        };

        // What the team settled in its conversation, where page one has room to spare: the consensus at the end of
        // the band's heading line, the action plan in one small line under the band text, beside the figure (which
        // is taller than a short band text). Page one keeps its contents.
        if (r.Consensus is { } consensus)
        {
            var said = ProfileTexts.ConsensusSummary(consensus);
            var free = PdfLayout.Width - figureWidth - l.TextWidth(runs[0].Text.TrimEnd(), PdfTheme.H3) - 12;
            if (l.TextWidth(said, PdfTheme.Bold) <= free)
            {
                l.TextRight(said, PdfTheme.Bold, PdfTheme.AccentBrush, PdfLayout.Right, top + 1);
            }
            else
            {
                runs.Add(new Run("\n" + said, PdfTheme.Bold, PdfTheme.AccentBrush));
            }
        }

        if (ActionsLine(l, r, PdfLayout.Width - figureWidth) is { } actions)
        {
            runs.Add(new Run("\n" + actions, PdfTheme.Small, PdfTheme.InkBrush));
        }

        var height = l.TextAt(runs, x, top, PdfLayout.Width - figureWidth);
        l.Y = top + Math.Max(height, figureWidth > 0 ? 44 : 0) + 6;

        if (ProfileTexts.MeasureLines(r.Measures) is { Count: > 0 } measures)
        {
            PdfCharts.Scores(l, measures, labelShare: 0.2);
        }
    }

    /// <summary>The action plan in one line: the next action's text shortened with "…" where it would wrap (the plan has it in full).</summary>
    private static string? ActionsLine(PdfLayout l, ProfileReport r, double width)
    {
        var line = ProfileTexts.ActionsSummary(r);
        var full = r.NextAction?.What ?? string.Empty;
        for (var keep = full.Length - 4; line is not null && keep > 12 && l.Wrap([new Run(line, PdfTheme.Small, PdfTheme.InkBrush)], width).Count > 1; keep -= 4)
        {
            line = ProfileTexts.ActionsSummary(r, full[..keep].TrimEnd() + "…");
        }

        return line;
    }

    private static void Goals(PdfLayout l, ProfileReport r)
    {
        if (r.Goals.Count == 0)
        {
            return;
        }

        PdfBlocks.H3(l, ProfileTexts.GoalsTitle);
        foreach (var goal in r.Goals)
        {
            l.Paragraph(goal.Text, PdfTheme.Small, PdfTheme.MutedBrush, after: 1);
            foreach (var answer in goal.Answers)
            {
                var lines = l.Wrap([new Run(answer, PdfTheme.Body, PdfTheme.InkBrush)], PdfLayout.Width - 10);
                l.Need(lines.Count > 0 ? lines[0].Height : 0);
                l.Text("–", PdfTheme.Bold, PdfTheme.AccentBrush, PdfLayout.Left, l.Y);
                l.Y += l.Lines(lines, PdfLayout.Left + 10, l.Y) + 1;
            }

            l.Y += 2;
        }
    }

    private static void Strengths(PdfLayout l, ProfileReport r)
    {
        PdfBlocks.H3(l, ProfileTexts.StrengthsTitle);
        if (r.Summary.Strengths.Count == 0)
        {
            PdfBlocks.Note(l, ProfileTexts.StrengthsIntro(r));
            return;
        }

        foreach (var s in r.Summary.Strengths)
        {
            PdfBlocks.Numbered(l, s.Number, [new Run(s.Text, PdfTheme.Body, PdfTheme.InkBrush)], after: 2);
        }
    }

    private static void Weaknesses(PdfLayout l, ProfileReport r)
    {
        PdfBlocks.H3(l, ProfileTexts.WeaknessesTitle);
        if (r.Summary.Weaknesses.Count == 0)
        {
            PdfBlocks.Note(l, ProfileTexts.WeaknessesIntro(r));
            return;
        }

        foreach (var w in r.Summary.Weaknesses)
        {
            var runs = new List<Run> { new(w.Item.Text, PdfTheme.Body, PdfTheme.InkBrush) };
            if (w.Hint is { } hint)
            {
                runs.Add(new Run("\n" + ProfileTexts.NextStepLabel, PdfTheme.SmallBold, PdfTheme.AccentBrush));
                runs.Add(new Run(hint, PdfTheme.Small, PdfTheme.InkBrush));
            }

            PdfBlocks.Numbered(l, w.Item.Number, runs, after: 3);
        }
    }

    private static void Offers(PdfLayout l, ProfileReport r)
    {
        PdfBlocks.H3(l, ProfileTexts.OffersTitle);
        if (r.Summary.Offers.Count == 0)
        {
            PdfBlocks.Note(l, ProfileTexts.OffersIntro(r));
            return;
        }

        foreach (var need in r.Summary.Offers)
        {
            var runs = new List<Run>
            {
                new(need.Title, PdfTheme.Bold, PdfTheme.InkBrush),
                new("  " + ProfileTexts.UrgencyTag(need.Urgency), PdfTheme.SmallBold, need.Urgency == Urgency.High ? PdfTheme.AccentBrush : PdfTheme.MutedBrush),
            };
            if (OffersPart.Facts(need) is { } facts)
            {
                runs.Add(new Run("\n" + facts, PdfTheme.Small, PdfTheme.MutedBrush));
            }

            var lines = l.Wrap(runs, PdfLayout.Width - 10);
            l.Need(lines.Sum(x => x.Height));
            l.G.DrawRectangle(need.Urgency == Urgency.High ? PdfTheme.AccentBrush : PdfTheme.BandBrush, PdfLayout.Left, l.Y + 1.5, 3, lines.Sum(x => x.Height) - 3);
            l.Y += l.Lines(lines, PdfLayout.Left + 10, l.Y) + 3;
        }
    }

    private static void Discuss(PdfLayout l, ProfileReport r)
    {
        if (r.Team is not { } team)
        {
            return;
        }

        PdfBlocks.H3(l, ProfileTexts.DiscussTitle);
        l.Paragraph(ProfileTexts.Agreement(team), PdfTheme.Body, PdfTheme.InkBrush, after: 2);
        // Also when there are topics: it says what a dot is.
        PdfBlocks.Note(l, ProfileTexts.DiscussIntro(team));
        if (r.Summary.Discuss.Count == 0)
        {
            return;
        }

        TeamPart.DotList(l, r.Summary.Discuss, withRange: false);
        if (team.Discuss.Count > r.Summary.Discuss.Count)
        {
            PdfBlocks.Note(l, ProfileTexts.DiscussMore(team.Discuss.Count - r.Summary.Discuss.Count));
        }
    }

    private const double ContentsLine = 11.5;

    private static (int Page, double Y) Contents(PdfLayout l, int entries)
    {
        var rows = (entries + 1) / 2;
        l.Heading(ProfileTexts.ContentsTitle, PdfTheme.H3, before: 7, keep: (rows * ContentsLine) + 4, after: 2);
        var slot = (l.PageNumber, l.Y);
        l.Y += (rows * ContentsLine) + 4;
        return slot;
    }

    /// <summary>Fills the contents in once every section knows its page: two columns of title and page.</summary>
    public static void DrawContents(PdfLayout l, (int Page, double Y) slot, IReadOnlyList<(string Title, int Page)> entries)
    {
        var rows = (entries.Count + 1) / 2;
        var column = (PdfLayout.Width - 20) / 2;
        for (var i = 0; i < entries.Count; i++)
        {
            var x = PdfLayout.Left + (i / rows * (column + 20));
            var y = slot.Y + (i % rows * ContentsLine);
            var page = ProfileTexts.Number(entries[i].Page);
            var title = l.Wrap([new Run(entries[i].Title, PdfTheme.Body, PdfTheme.InkBrush)], column - 24)[0];
            l.Lines([title], x, y);
            l.G.DrawLine(PdfTheme.RulePen, x + title.Width + 4, y + 8, x + column - l.TextWidth(page, PdfTheme.Body) - 4, y + 8);
            l.TextRight(page, PdfTheme.Body, PdfTheme.InkBrush, x + column, y);
        }
    }
}
