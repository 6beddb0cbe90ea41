using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>A run of text in one font and colour, so a line can start with a bold lead.</summary>
public readonly record struct Run(string Text, XFont Font, XBrush Brush);

/// <summary>One wrapped line: its runs, how wide they are and how much height the line takes.</summary>
public sealed record TextLine(IReadOnlyList<Run> Runs, double Width, double Height)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>A string as drawn: page (from 1), left edge, top and measured width; so tests can check the margins.</summary>
public sealed record DrawnText(int Page, double X, double Y, double Width, string Text, XFont Font);

/// <summary>
/// The little layout engine PDFsharp lacks: a cursor down an A4 page, word wrapping that never lets text run past
/// the width it is given (breaks at spaces, after hyphens and slashes, and inside a word only where one word is wider
/// than the line), and page breaks that keep a heading with what follows. Every string goes through
/// <see cref="Text"/>, which measures it once and records where it went.
/// </summary>
public sealed class PdfLayout
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Left = 46;
    public const double Right = PageWidth - 46;
    public const double Top = 44;
    public const double Bottom = PageHeight - 48;
    public const double Width = Right - Left;

    private readonly PdfDocument _document;
    // PDFsharp measures a string as the sum of its characters' advances (no kerning, no ligatures), so each
    // character is measured once per font and process; MeasureString per word cost more than the whole layout.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, double Size, XFontStyleEx Style), double[]> CharWidths = new();
    private const int MeasuredChars = 0x2300;
    private readonly List<DrawnText>? _drawn;
    private int _page;

    public PdfLayout(PdfDocument document, List<DrawnText>? drawn = null)
    {
        _document = document;
        _drawn = drawn;
        NewPage();
    }

    public XGraphics G { get; private set; } = null!;

    public double Y { get; set; }

    public List<PdfPage> Pages { get; } = [];

    /// <summary>The page the cursor is on, from 1.</summary>
    public int PageNumber => _page + 1;

    /// <summary>The page of the first string drawn since <see cref="Mark"/>: where a part really begins once its heading has moved on.</summary>
    public int? FirstPageSinceMark { get; private set; }

    public void Mark() => FirstPageSinceMark = null;

    public void NewPage()
    {
        G?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        Pages.Add(page);
        _page = Pages.Count - 1;
        G = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    public void Finish() => G.Dispose();

    /// <summary>Draws on a page already laid out (page numbers, the contents): the cursor's page is finished first.</summary>
    public void OnPage(int number, Action draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        G.Dispose();
        _page = number - 1;
        G = XGraphics.FromPdfPage(Pages[_page], XGraphicsPdfPageOptions.Append);
        draw();
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public static double LineHeight(XFont font) => font.Size * 1.27;

    /// <summary>The width of a string, measured once per render.</summary>
    public double TextWidth(string text, XFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (text.Length == 0)
        {
            return 0;
        }

        var widths = CharWidths.GetOrAdd((font.FontFamily.Name, font.Size, font.Style), _ => Enumerable.Repeat(double.NaN, MeasuredChars).ToArray());
        var width = 0.0;
        foreach (var c in text)
        {
            if (c >= MeasuredChars || char.IsSurrogate(c))
            {
                return G.MeasureString(text, font).Width;
            }

            var w = widths[c];
            if (double.IsNaN(w))
            {
                w = G.MeasureString(c.ToString(), font).Width;
                widths[c] = w;
            }

            width += w;
        }

        return width;
    }

    /// <summary>Draws one string with its top at <paramref name="y"/>.</summary>
    public void Text(string text, XFont font, XBrush brush, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (text.Length == 0)
        {
            return;
        }

        G.DrawString(text, font, brush, x, y + font.Size, XStringFormats.Default);
        FirstPageSinceMark ??= PageNumber;
        _drawn?.Add(new DrawnText(PageNumber, x, y, TextWidth(text, font), text, font));
    }

    public void TextRight(string text, XFont font, XBrush brush, double right, double y) =>
        Text(text, font, brush, right - TextWidth(text, font), y);

    public void TextCentered(string text, XFont font, XBrush brush, double centre, double y) =>
        Text(text, font, brush, centre - (TextWidth(text, font) / 2), y);

    /// <summary>Splits runs into lines no wider than <paramref name="width"/>; a line break in the text starts a new line.</summary>
    public IReadOnlyList<TextLine> Wrap(IReadOnlyList<Run> runs, double width)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var lines = new List<TextLine>();
        var current = new List<Run>();
        double x = 0;
        XFont? lineFont = null;

        void Break()
        {
            var height = current.Count == 0 ? LineHeight(lineFont!) : current.Max(r => LineHeight(r.Font));
            lines.Add(new TextLine(current, x, height));
            current = [];
            x = 0;
        }

        void Add(Run run, string text, double w)
        {
            if (current.Count > 0 && current[^1].Font == run.Font && current[^1].Brush == run.Brush)
            {
                current[^1] = current[^1] with { Text = current[^1].Text + text };
            }
            else
            {
                current.Add(run with { Text = text });
            }

            x += w;
        }

        foreach (var run in runs)
        {
            lineFont ??= run.Font;
            foreach (var token in Tokens(run.Text))
            {
                if (token == "\n")
                {
                    Break();
                    continue;
                }

                var word = x == 0 ? token.TrimStart() : token;
                if (word.Length == 0)
                {
                    continue;
                }

                var w = TextWidth(word, run.Font);
                if (x + w > width && x > 0)
                {
                    Break();
                    word = word.TrimStart();
                    w = TextWidth(word, run.Font);
                }

                // A single word wider than the line is cut where it still fits.
                while (w > width && word.Length > 1)
                {
                    var cut = Fitting(word, run.Font, width);
                    Add(run, word[..cut], TextWidth(word[..cut], run.Font));
                    Break();
                    word = word[cut..];
                    w = TextWidth(word, run.Font);
                }

                Add(run, word, w);
            }
        }

        if (current.Count > 0)
        {
            Break();
        }

        return lines;
    }

    /// <summary>How many leading characters of <paramref name="word"/> fit into <paramref name="width"/> (at least one).</summary>
    private int Fitting(string word, XFont font, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (TextWidth(word[..mid], font) <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    /// <summary>Words with their leading space; a break is also allowed after a hyphen or slash, and forced at a line break.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                if (i > start)
                {
                    yield return text[start..i].TrimEnd('\r');
                }

                yield return "\n";
                start = i + 1;
            }
            else if (i > start && (text[i] == ' ' || (text[i - 1] is '-' or '/' && i - start > 3)))
            {
                yield return text[start..i];
                start = i;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>The height wrapped runs will take, to keep blocks together.</summary>
    public double Measure(IReadOnlyList<Run> runs, double width) => Wrap(runs, width).Sum(line => line.Height);

    /// <summary>Draws wrapped lines from <paramref name="y"/> without moving the cursor; returns their height.</summary>
    public double Lines(IReadOnlyList<TextLine> lines, double x, double y, bool alignRight = false, double width = 0)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var top = y;
        foreach (var line in lines)
        {
            DrawLine(line, alignRight ? x + width - line.Width : x, y);
            y += line.Height;
        }

        return y - top;
    }

    private void DrawLine(TextLine line, double x, double y)
    {
        // Runs of different sizes share a baseline: each is lowered by what the tallest has more.
        var ascent = line.Runs.Count == 0 ? 0 : line.Runs.Max(r => r.Font.Size);
        foreach (var run in line.Runs)
        {
            Text(run.Text, run.Font, run.Brush, x, y + ascent - run.Font.Size);
            x += TextWidth(run.Text, run.Font);
        }
    }

    /// <summary>Draws wrapped text into a box without moving the cursor; returns its height.</summary>
    public double TextAt(IReadOnlyList<Run> runs, double x, double y, double width) => Lines(Wrap(runs, width), x, y);

    /// <summary>Writes a wrapped paragraph at the cursor, breaking pages between lines.</summary>
    public double Paragraph(IReadOnlyList<Run> runs, double indent = 0, double after = 4)
    {
        var height = 0.0;
        foreach (var line in Wrap(runs, Width - indent))
        {
            Need(line.Height);
            DrawLine(line, Left + indent, Y);
            Y += line.Height;
            height += line.Height;
        }

        Y += after;
        return height;
    }

    public double Paragraph(string text, XFont font, XBrush brush, double indent = 0, double after = 4) =>
        Paragraph([new Run(text, font, brush)], indent, after);

    /// <summary>A heading kept together with at least <paramref name="keep"/> points of what follows.</summary>
    public void Heading(string text, XFont font, double before = 6, double keep = 50, double after = 3)
    {
        ArgumentNullException.ThrowIfNull(font);
        var height = Measure([new Run(text, font, PdfTheme.InkBrush)], Width);
        if (Y + before + height + keep > Bottom)
        {
            NewPage();
        }
        else if (Y > Top)
        {
            Y += before;
        }

        Paragraph(text, font, PdfTheme.InkBrush, after: after);
    }
}
