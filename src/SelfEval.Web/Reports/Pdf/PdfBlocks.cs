namespace SelfEval.Web.Reports.Pdf;

/// <summary>The few building blocks every section uses: headings, notes and numbered items.</summary>
internal static class PdfBlocks
{
    public static void H2(PdfLayout l, string text, double keep = 80) => l.Heading(text, PdfTheme.H2, before: 10, keep: keep, after: 3);

    public static void H3(PdfLayout l, string text, double keep = 40) => l.Heading(text, PdfTheme.H3, before: 7, keep: keep, after: 2);

    public static void Intro(PdfLayout l, string text) => l.Paragraph(text, PdfTheme.Body, PdfTheme.MutedBrush, after: 5);

    public static void Note(PdfLayout l, string text) => l.Paragraph(text, PdfTheme.Small, PdfTheme.MutedBrush, after: 4);

    public const double Gutter = 26;

    /// <summary>A question number in the gutter and wrapped runs beside it, kept on one page.</summary>
    public static void Numbered(PdfLayout l, string number, IReadOnlyList<Run> body, double after = 4, double indent = 0, double gutter = Gutter)
    {
        var lines = l.Wrap(body, PdfLayout.Width - gutter - indent);
        var height = lines.Sum(x => x.Height);
        l.Need(Math.Min(height, PdfLayout.Bottom - PdfLayout.Top));
        l.Text(number, PdfTheme.SmallBold, PdfTheme.AccentBrush, PdfLayout.Left + indent, l.Y + 0.8);
        l.Lines(lines, PdfLayout.Left + indent + gutter, l.Y);
        l.Y += height + after;
    }

    /// <summary>"Label: text" as two runs.</summary>
    public static Run[] Labelled(string label, string text) =>
        [new Run(label, PdfTheme.SmallBold, PdfTheme.MutedBrush), new Run(text, PdfTheme.Small, PdfTheme.MutedBrush)];
}
