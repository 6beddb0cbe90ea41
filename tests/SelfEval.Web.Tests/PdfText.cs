using System.Diagnostics;

namespace SelfEval.Web.Tests;

/// <summary>Reads a PDF back as text with poppler's pdftotext, as a person copying from it would.</summary>
internal static class PdfText
{
    public static string Read(byte[] pdf)
    {
        using var folder = TestPaths.NewTempFolder();
        var file = folder.File("profil.pdf");
        File.WriteAllBytes(file, pdf);
        var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
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

    /// <summary>Text with line breaks and runs of spaces folded, so wrapped sentences can be found.</summary>
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
