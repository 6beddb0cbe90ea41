using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The sections as bars sorted by score, the surroundings after them; then aspects, dimensions, practice and results.</summary>
internal sealed class ScoresPart : IPdfPart
{
    public string? Title(ProfileReport report) => ProfileTexts.SectionsTitle;

    public void Render(PdfLayout l, ProfileReport r)
    {
        var valueWidth = PdfCharts.ValueWidth(l, r.Sections.Concat(r.Aspects).Concat(r.Dimensions).Concat(ProfileTexts.MeasureLines(r.Measures)));
        var sections = Sorted(r.Sections.Where(s => !s.IsContext)).Concat(Sorted(r.Sections.Where(s => s.IsContext))).ToList();
        PdfBlocks.H2(l, ProfileTexts.SectionsTitle, keep: PdfCharts.Keep(l, sections));
        PdfCharts.Scores(l, sections, valueWidth: valueWidth);
        if (r.Sections.Concat(r.Aspects).Any(x => x.IsContext))
        {
            PdfBlocks.Note(l, ProfileTexts.ContextNote);
        }

        if (r.Consensus is { } consensus)
        {
            ConsensusPart.Render(l, consensus);
        }

        if (r.Aspects.Count + r.Dimensions.Count > 0)
        {
            var aspects = Sorted(r.Aspects.Where(s => !s.IsContext)).Concat(r.Aspects.Where(s => s.IsContext)).Concat(Sorted(r.Dimensions)).ToList();
            PdfBlocks.H3(l, ProfileTexts.AspectsTitle, keep: PdfCharts.Keep(l, aspects));
            PdfCharts.Scores(l, aspects, valueWidth: valueWidth);
        }

        if (ProfileTexts.MeasureLines(r.Measures) is { Count: > 0 } measures)
        {
            PdfBlocks.H3(l, ProfileTexts.MeasuresTitle, keep: PdfCharts.Keep(l, measures));
            PdfCharts.Scores(l, measures, valueWidth: valueWidth);
        }

        if (r.Unanswered > 0)
        {
            PdfBlocks.Note(l, ProfileTexts.UnansweredNote(r.Unanswered));
        }

        if (r.DontKnow > 0)
        {
            PdfBlocks.Note(l, ProfileTexts.DontKnowNote(r.DontKnow));
        }

        if (ProfileTexts.SaysEvidence(r))
        {
            PdfBlocks.Note(l, ProfileTexts.EvidenceSentence(r.Evidence!));
        }
    }

    /// <summary>Highest first; lines without a value last, in the guide's order.</summary>
    private static IEnumerable<ScoreLine> Sorted(IEnumerable<ScoreLine> lines) =>
        lines.Select((line, i) => (line, i)).OrderByDescending(x => x.line.Shown ?? -1).ThenBy(x => x.i).Select(x => x.line);
}
