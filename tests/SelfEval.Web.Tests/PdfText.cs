using System.Diagnostics;

namespace SelfEval.Web.Tests;

/// <summary>Reads a PDF back as text with poppler's pdftotext, as a person copying from it would.</summary>
internal static class PdfText
{
    /// <summary>The text in the order it was drawn (<c>-raw</c>): a table cell's wrapped lines stay together.</summary>
    public static string ReadRaw(byte[] pdf) => Read(pdf, "-raw");

    public static string Read(byte[] pdf) => Read(pdf, "-layout");

    private static string Read(byte[] pdf, string mode)
    {
        using var folder = TestPaths.NewTempFolder();
        var file = folder.File("profil.pdf");
        File.WriteAllBytes(file, pdf);
        var start = new ProcessStartInfo("pdftotext", [mode, "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("pdftotext is missing: run the tests with ./test.sh, which installs poppler-utils.");
        }

        using (process)
        {
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
    }

    /// <summary>Every word with its page (from 1) and horizontal extent in points, from pdftotext's bounding boxes.</summary>
    public static IReadOnlyList<(int Page, string Text, double XMin, double XMax)> Words(byte[] pdf)
    {
        using var folder = TestPaths.NewTempFolder();
        var file = folder.File("profil.pdf");
        File.WriteAllBytes(file, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var html = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var words = new List<(int, string, double, double)>();
        var page = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, @"<page |<word xMin=""([\d.]+)"" yMin=""[\d.]+"" xMax=""([\d.]+)"" yMax=""[\d.]+"">([^<]*)</word>"))
        {
            if (m.Value == "<page ")
            {
                page++;
                continue;
            }

            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            words.Add((page, System.Net.WebUtility.HtmlDecode(m.Groups[3].Value), double.Parse(m.Groups[1].Value, invariant), double.Parse(m.Groups[2].Value, invariant)));
        }

        return words;
    }

    /// <summary>Text with line breaks and runs of spaces folded, so wrapped sentences can be found.</summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
