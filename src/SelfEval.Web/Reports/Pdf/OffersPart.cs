using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The offers in full: what they are, who to contact, the answers behind them and the next steps.</summary>
internal sealed class OffersPart : IPdfPart
{
    /// <summary>Without offers page one already says why; a section repeating that sentence would only add a page.</summary>
    public string? Title(ProfileReport report) => report.SupportNeeds.Count > 0 ? ProfileTexts.OffersTitle : null;

    /// <summary>"Servicestelle · seit 2019 · Kontakt: …", or null.</summary>
    public static string? Facts(SupportNeed need)
    {
        var parts = new[] { ProfileTexts.OfferFacts(need), need.Contact is { } c ? ProfileTexts.ContactLabel + c : null }.OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public void Render(PdfLayout l, ProfileReport r)
    {
        PdfBlocks.H2(l, ProfileTexts.OffersTitle, keep: 150);
        PdfBlocks.Intro(l, ProfileTexts.OffersIntro(r));
        foreach (var need in r.SupportNeeds)
        {
            l.Need(70);
            l.Y += 3;
            var top = l.Y;
            l.Paragraph([new Run(need.Title, PdfTheme.H3, PdfTheme.InkBrush), new Run("  " + ProfileTexts.UrgencyTag(need.Urgency), PdfTheme.SmallBold, need.Urgency == Urgency.High ? PdfTheme.AccentBrush : PdfTheme.MutedBrush)], indent: 10, after: 2);
            l.G.DrawRectangle(need.Urgency == Urgency.High ? PdfTheme.AccentBrush : PdfTheme.BandBrush, PdfLayout.Left, top + 1.5, 3, l.Y - top - 4);
            if (need.Description.Length > 0)
            {
                PdfMarkdown.Render(l, need.Description, indent: 10);
            }

            if (Facts(need) is { } facts)
            {
                l.Paragraph(facts, PdfTheme.Small, PdfTheme.MutedBrush, indent: 10, after: 3);
            }

            if (need.Because.Count > 0)
            {
                l.Paragraph([new Run(ProfileTexts.BecauseLabel, PdfTheme.Bold, PdfTheme.InkBrush)], indent: 10, after: 1);
                foreach (var b in need.Because)
                {
                    PdfBlocks.Numbered(l, b.Number, [new Run(b.Text, PdfTheme.Body, PdfTheme.InkBrush), new Run(" – " + ProfileTexts.Answer(b), PdfTheme.Small, PdfTheme.MutedBrush)], after: 1, indent: 10);
                }

                if (need.FurtherItems > 0)
                {
                    l.Paragraph(ProfileTexts.FurtherItems(need.FurtherItems), PdfTheme.Small, PdfTheme.MutedBrush, indent: 10 + PdfBlocks.Gutter, after: 1);
                }
            }

            if (need.NextSteps.Count > 0)
            {
                l.Paragraph([new Run(ProfileTexts.NextStepsLabel, PdfTheme.Bold, PdfTheme.InkBrush)], indent: 10, after: 1);
                foreach (var step in need.NextSteps)
                {
                    PdfBlocks.Numbered(l, "→", [new Run(step, PdfTheme.Body, PdfTheme.InkBrush)], after: 1, indent: 12, gutter: 12);
                }
            }

            if (need.AlsoWorthALook.Count > 0)
            {
                l.Paragraph([new Run(ProfileTexts.AlsoWorthALook, PdfTheme.Bold, PdfTheme.InkBrush), new Run(string.Join(", ", need.AlsoWorthALook.Select(o => o.Title)), PdfTheme.Body, PdfTheme.InkBrush)], indent: 10, after: 1);
            }

            l.Y += 6;
        }
    }
}
