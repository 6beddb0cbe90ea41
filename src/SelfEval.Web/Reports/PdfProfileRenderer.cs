using PdfSharp.Pdf;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Reports.Pdf;

namespace SelfEval.Web.Reports;

/// <summary>
/// The profile as an A4 PDF with PDFsharp: page one is the profile, then the sections in the order the page shares,
/// then the appendix on a new page. Each section is its own class under <c>Reports/Pdf</c>; this only orders them.
/// </summary>
public sealed class PdfProfileRenderer : IProfileRenderer
{
    private static readonly IPdfPart[] Sections =
    [
        new ChecklistPart(), new FactsPart(), new ScoresPart(), new BenchmarkPart(),
        new ListsPart(), new OffersPart(), new ActionPlanPart(), new TeamPart(), new TrendPart(),
    ];

    private static readonly AppendixPart Appendix = new();

    /// <summary>Room a section needs at the foot of a page to start there rather than on the next.</summary>
    private const double StartRoom = 70;

    public string ContentType => "application/pdf";

    public byte[] Render(ProfileReport report) => Render(report, null);

    /// <summary>Renders and, where <paramref name="drawn"/> is given, records every string drawn and where.</summary>
    public byte[] Render(ProfileReport report, List<DrawnText>? drawn)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = new PdfDocument();
        document.Info.Title = $"{ProfileTexts.ProfileKind} {report.Header.GuideTitle} – {report.Header.InitiativeName}";
        document.Info.Author = "SelfEval";
        document.Info.Subject = report.Header.GuideSubtitle ?? report.Header.GuideTitle;
        document.Info.Creator = "SelfEval (PDFsharp)";
        document.ViewerPreferences.DisplayDocTitle = true;

        var layout = new PdfLayout(document, drawn);
        var parts = Sections.Select(s => (Section: s, Title: s.Title(report))).Where(p => p.Title is not null).ToList();
        var contents = SummaryPage.Render(layout, report, parts.Count + 1);
        var entries = new List<(string Title, int Page)>();
        foreach (var (section, title) in parts)
        {
            layout.Need(StartRoom);
            layout.Mark();
            section.Render(layout, report);
            entries.Add((title!, layout.FirstPageSinceMark ?? layout.PageNumber));
        }

        layout.NewPage();
        entries.Add((ProfileTexts.AppendixTitle, layout.PageNumber));
        Appendix.Render(layout, report);

        layout.OnPage(contents.Page, () => SummaryPage.DrawContents(layout, contents, entries));
        PageFooter.Render(layout, report.Header);
        layout.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
