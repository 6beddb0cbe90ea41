using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace SelfEval.Web.Reports;

/// <summary>A run of text in one font and colour, so a paragraph can start with a bold lead.</summary>
internal readonly record struct Run(string Text, XFont Font, XBrush Brush);

/// <summary>
/// The little layout engine PDFsharp lacks: a cursor down an A4 page, word wrapping that never lets
/// text run past the margin (long words are split by characters, never hyphenated wrongly), and page
/// breaks that keep a heading with what follows.
/// </summary>
internal sealed class PdfLayout
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Left = 56;
    public const double Right = PageWidth - 56;
    public const double Top = 72;
    public const double Bottom = PageHeight - 64;
    public const double Width = Right - Left;

    private readonly PdfDocument _document;
    private readonly Dictionary<(string Text, XFont Font), double> _widths = [];

    public PdfLayout(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public XGraphics G { get; private set; } = null!;

    public double Y { get; set; }

    public List<PdfPage> Pages { get; } = [];

    public void NewPage()
    {
        G?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        Pages.Add(page);
        G = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    public void Finish() => G.Dispose();

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public double LineHeight(XFont font) => font.Size * 1.35;

    /// <summary>
    /// A word's width, measured once per document: each word is measured when wrapped, again when drawn, and
    /// once more when a block is measured to keep it together, and PDFsharp looks up every glyph each time.
    /// </summary>
    private double WidthOf(string text, XFont font)
    {
        if (!_widths.TryGetValue((text, font), out var width))
        {
            width = G.MeasureString(text, font).Width;
            _widths[(text, font)] = width;
        }

        return width;
    }

    /// <summary>Splits runs into lines no wider than <paramref name="width"/>.</summary>
    public List<List<Run>> Wrap(IReadOnlyList<Run> runs, double width)
    {
        var lines = new List<List<Run>> { new() };
        double x = 0;
        foreach (var run in runs)
        {
            foreach (var token in Tokens(run.Text))
            {
                var word = token;
                var w = WidthOf(word, run.Font);
                if (x + w > width && x > 0 && !string.IsNullOrWhiteSpace(word))
                {
                    lines.Add([]);
                    x = 0;
                    word = word.TrimStart();
                    w = WidthOf(word, run.Font);
                }

                // A single word wider than the line is cut into pieces that fit.
                while (w > width && word.Length > 1)
                {
                    var cut = word.Length - 1;
                    while (cut > 1 && WidthOf(word[..cut], run.Font) > width - x)
                    {
                        cut--;
                    }

                    lines[^1].Add(run with { Text = word[..cut] });
                    lines.Add([]);
                    x = 0;
                    word = word[cut..];
                    w = WidthOf(word, run.Font);
                }

                if (x == 0)
                {
                    word = word.TrimStart();
                }

                lines[^1].Add(run with { Text = word });
                x += WidthOf(word, run.Font);
            }
        }

        return lines;
    }

    /// <summary>Words with their leading space; a break is also allowed after a hyphen or slash.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ' || (text[i - 1] is '-' or '/' && i - start > 3))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }

    /// <summary>Writes a wrapped paragraph at the cursor, breaking pages between lines.</summary>
    public double Paragraph(IReadOnlyList<Run> runs, double indent = 0, double width = Width, double after = 6)
    {
        var available = Math.Min(width, Width - indent);
        var lines = Wrap(runs, available);
        var height = 0.0;
        foreach (var line in lines)
        {
            var lh = line.Count == 0 ? LineHeight(runs[0].Font) : line.Max(r => LineHeight(r.Font));
            Need(lh);
            var x = Left + indent;
            foreach (var run in line)
            {
                G.DrawString(run.Text, run.Font, run.Brush, x, Y + run.Font.Size, XStringFormats.Default);
                x += WidthOf(run.Text, run.Font);
            }

            Y += lh;
            height += lh;
        }

        Y += after;
        return height;
    }

    public double Paragraph(string text, XFont font, XBrush brush, double indent = 0, double after = 6) =>
        Paragraph([new Run(text, font, brush)], indent, Width, after);

    /// <summary>The height a paragraph will take, to keep blocks together.</summary>
    public double Measure(IReadOnlyList<Run> runs, double width) =>
        Wrap(runs, width).Sum(line => line.Count == 0 ? LineHeight(runs[0].Font) : line.Max(r => LineHeight(r.Font)));

    /// <summary>Draws wrapped text into a fixed box without moving the cursor; returns its height.</summary>
    public double TextAt(IReadOnlyList<Run> runs, double x, double y, double width)
    {
        var top = y;
        foreach (var line in Wrap(runs, width))
        {
            var cx = x;
            foreach (var run in line)
            {
                G.DrawString(run.Text, run.Font, run.Brush, cx, y + run.Font.Size, XStringFormats.Default);
                cx += WidthOf(run.Text, run.Font);
            }

            y += line.Count == 0 ? LineHeight(runs[0].Font) : line.Max(r => LineHeight(r.Font));
        }

        return y - top;
    }
}
