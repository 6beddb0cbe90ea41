using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>
/// The consensus beside the mean, overall and per section, with how many answers the team agreed on: part of the
/// scores section, right after the section bars it qualifies (not an entry of its own in page one's contents).
/// </summary>
internal static class ConsensusPart
{
    public static void Render(PdfLayout l, ConsensusReport consensus)
    {
        PdfBlocks.H3(l, ProfileTexts.ConsensusTitle, keep: 110);
        PdfBlocks.Intro(l, ProfileTexts.ConsensusIntro(consensus));
        var table = new PdfTable(l, [
            (ProfileTexts.ConsensusSectionColumn, 0.44), (ProfileTexts.ConsensusMeanColumn, 0.15), (ProfileTexts.ConsensusColumn, 0.15),
            (ProfileTexts.ConsensusDeltaColumn, 0.13), (ProfileTexts.ConsensusAgreedColumn, 0.13)])
        {
            AlignRight = new HashSet<int> { 1, 2, 3, 4 },
        };
        foreach (var line in consensus.Sections.Prepend(consensus.Overall))
        {
            var font = line == consensus.Overall ? PdfTheme.Bold : PdfTheme.Body;
            table.Row(
                [new Run(line.Mean.Label, font, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Number(line.Mean.Shown), PdfTheme.Body, PdfTheme.MutedBrush)],
                [new Run(ProfileTexts.Number(line.Consensus.Shown), PdfTheme.Bold, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Delta(line.Delta), PdfTheme.Body, PdfTheme.InkBrush)],
                [new Run(ProfileTexts.Number(line.Agreed), PdfTheme.Body, PdfTheme.MutedBrush)]);
        }

        table.End();
    }
}
