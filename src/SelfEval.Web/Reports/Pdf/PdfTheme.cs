using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>
/// Fonts, colours and sizes of the PDF in one place. Fonts and brushes are made once per process: creating an
/// <see cref="XFont"/> per render costs more than laying out a page.
/// </summary>
public static class PdfTheme
{
    // PDFsharp needs its font resolver before the first font; static fields initialise in textual order.
    private static readonly bool FontsReady = InstallFonts();

    public static readonly XColor Ink = XColor.FromArgb(29, 36, 48);
    public static readonly XColor Muted = XColor.FromArgb(74, 85, 102);
    public static readonly XColor Accent = XColor.FromArgb(11, 92, 142);

    /// <summary>Score bars of the surroundings ("Umfeld"): a score, but not the initiative's own.</summary>
    public static readonly XColor Context = XColor.FromArgb(98, 108, 122);

    /// <summary>Team dots: a different colour and shape from the score bars, so agreement is never read as a score.</summary>
    public static readonly XColor TeamDot = XColor.FromArgb(176, 72, 0);

    /// <summary>The middle half of comparable initiatives.</summary>
    public static readonly XColor Band = XColor.FromArgb(128, 140, 156);

    /// <summary>Hairlines and the empty track behind a bar: structure, not data.</summary>
    public static readonly XColor Rule = XColor.FromArgb(200, 207, 216);
    public static readonly XColor Track = XColor.FromArgb(243, 246, 249);
    public static readonly XColor Paper = XColors.White;

    /// <summary>Every colour that carries data, with what it marks: each must stand out from the paper (3:1 or more).</summary>
    public static IReadOnlyList<(string Mark, XColor Colour)> Marks { get; } =
    [
        ("score bar", Accent), ("surroundings bar", Context), ("team dot", TeamDot), ("benchmark band", Band),
        ("median line", Ink), ("own value dot", Accent), ("axis labels", Muted), ("text", Ink), ("notes", Muted),
    ];

    public const double BodySize = 8.5;
    public const double SmallSize = 7.5;

    public static readonly XFont Body = Font(BodySize);
    public static readonly XFont Bold = Font(BodySize, XFontStyleEx.Bold);
    public static readonly XFont Italic = Font(BodySize, XFontStyleEx.Italic);
    public static readonly XFont Small = Font(SmallSize);
    public static readonly XFont SmallBold = Font(SmallSize, XFontStyleEx.Bold);
    public static readonly XFont Tiny = Font(6.5);
    public static readonly XFont Title = Font(17, XFontStyleEx.Bold);
    public static readonly XFont H2 = Font(12.5, XFontStyleEx.Bold);
    public static readonly XFont H3 = Font(9.5, XFontStyleEx.Bold);
    public static readonly XFont Figure = Font(30, XFontStyleEx.Bold);

    public static readonly XBrush InkBrush = new XSolidBrush(Ink);
    public static readonly XBrush MutedBrush = new XSolidBrush(Muted);
    public static readonly XBrush AccentBrush = new XSolidBrush(Accent);
    public static readonly XBrush ContextBrush = new XSolidBrush(Context);
    public static readonly XBrush TeamBrush = new XSolidBrush(TeamDot);
    public static readonly XBrush BandBrush = new XSolidBrush(Band);
    public static readonly XBrush TrackBrush = new XSolidBrush(Track);
    public static readonly XBrush PaperBrush = new XSolidBrush(Paper);
    public static readonly XPen RulePen = new(Rule, 0.5);
    public static readonly XPen AxisPen = new(Muted, 0.5);
    public static readonly XPen MedianPen = new(Ink, 1.3);
    public static readonly XPen OutlinePen = new(Paper, 0.9);

    /// <summary>The WCAG contrast ratio of two colours (1 to 21).</summary>
    public static double Contrast(XColor a, XColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(XColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));
    }

    private static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) =>
        FontsReady ? new XFont(EmbeddedFonts.Family, size, style) : throw new InvalidOperationException();

    private static bool InstallFonts()
    {
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        return true;
    }
}

/// <summary>DejaVu Sans from the assembly: no system fonts are read at run time.</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["regular"] = "DejaVuSans.ttf",
        ["bold"] = "DejaVuSans-Bold.ttf",
        ["italic"] = "DejaVuSans-Oblique.ttf",
    };

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "bold" : italic ? "italic" : "regular", bold && italic, false);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"SelfEval.Web.Reports.Fonts.{Files[faceName]}")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
