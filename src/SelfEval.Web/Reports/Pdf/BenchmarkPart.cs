using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>The comparison with similar initiatives: how many, as of when, and each section against the middle half.</summary>
internal sealed class BenchmarkPart : IPdfPart
{
    public string? Title(ProfileReport report) => report.Benchmark is null ? null : ProfileTexts.BenchmarkTitle;

    public void Render(PdfLayout l, ProfileReport report)
    {
        var b = report.Benchmark!;
        PdfBlocks.H2(l, ProfileTexts.BenchmarkTitle);
        if (b.Unavailable is not null)
        {
            PdfBlocks.Intro(l, b.Unavailable);
            return;
        }

        PdfBlocks.Intro(l, $"{ProfileTexts.BenchmarkIntro(b)} {ProfileTexts.BenchmarkLegend}");
        PdfCharts.Benchmark(l, b.Sections);
    }
}
