using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

/// <summary>
/// Reads one Markdown file: its front matter (<see cref="FrontMatterReader"/>), then its body with the
/// reader for its kind — a guide's or the profile's sections and questions, or the catalogue's offers.
/// The properties those readers accept are the entries of <see cref="PropertyTable"/>.
/// </summary>
internal static partial class FileParser
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    public static partial Regex IdPattern();

    public static ParsedFile Parse(string source, string rawText, LoadScope scope)
    {
        var text = rawText.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var file = new ParsedFile { Source = source, Text = text, Errors = new ErrorSink(source) };
        if (string.IsNullOrWhiteSpace(text))
        {
            file.Errors.Add(1, "Die Datei ist leer.");
            return file;
        }

        var lines = text.Split('\n');
        var frontMatter = FrontMatter.Read(lines, file.Errors, out var bodyStart);
        if (frontMatter is null)
        {
            return file;
        }

        FrontMatterReader.Read(file, frontMatter);
        var body = string.Join('\n', lines[bodyStart..]);
        BodyReader reader = file.Kind switch
        {
            FileKind.Questionnaire => new QuestionnaireBodyReader(file, body, bodyStart, scope),
            FileKind.Profile => new ProfileBodyReader(file, body, bodyStart),
            FileKind.Offers => new OffersBodyReader(file, body, bodyStart),
            _ => throw new UnreachableException($"File kind {file.Kind} has no body reader."),
        };
        reader.Read();
        return file;
    }

    /// <summary>
    /// A zero-width space, byte order mark or soft hyphen copied in from Word or a web page is invisible
    /// in every editor; "ungültig" alone would leave the author staring at an id that looks right.
    /// </summary>
    public static string? Invisible(string id, string what, string retype)
    {
        var index = id.AsSpan().IndexOfAny(InvisibleChars);
        return index < 0 ? null : $"{what} enthält ein unsichtbares Zeichen (U+{(int)id[index]:X4}) an Stelle {index + 1}. {retype}";
    }

    private static readonly System.Buffers.SearchValues<char> InvisibleChars = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control).ToArray());

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
