using System.Text;
using System.Text.RegularExpressions;
using SelfEval.Scoring.Loading;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Workbench;

/// <summary>An uploaded file taken as a draft's text, or the reason it is not taken (nothing is stored then).</summary>
public sealed record UploadedDraft(string? FileName, string? Text, string? Refusal);

/// <summary>Reads a file the office uploads as a new draft: a UTF-8 Markdown text of a sensible size, or a clear refusal.</summary>
public static partial class DraftUpload
{
    public static async Task<UploadedDraft> ReadAsync(IFormFile? file, QuestionnaireCatalog catalog, CancellationToken cancel = default)
    {
        if (file is null || string.IsNullOrEmpty(file.FileName))
        {
            return new UploadedDraft(null, null, WorkbenchTexts.NoFile);
        }

        var name = Path.GetFileName(file.FileName);
        if (!name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return new UploadedDraft(null, null, WorkbenchTexts.NotMarkdown(name));
        }

        if (file.Length > WorkbenchTexts.MaxDraftBytes)
        {
            return new UploadedDraft(null, null, WorkbenchTexts.TooLarge(file.Length));
        }

        if (file.Length == 0)
        {
            return new UploadedDraft(null, null, WorkbenchTexts.EmptyFile);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancel);
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            return new UploadedDraft(null, null, WorkbenchTexts.NotText(name));
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // The loader's own words, as `validate` prints them, with the line of the first bad byte.
            var error = QuestionnaireLoader.Load(SourceFile.FromBytes(name, bytes)).Errors.First(e => e.Message.Contains("UTF-8", StringComparison.Ordinal));
            return new UploadedDraft(null, null, WorkbenchTexts.NotUtf8(error.ToString()));
        }

        text = DraftStore.Normalise(text);
        return new UploadedDraft(FileNameFor(name, text, catalog), text, null);
    }

    /// <summary>
    /// The file a draft replaces: the upload's name made into one the folder reads ("Sich gut aufstellen (2).md" becomes
    /// "sich-gut-aufstellen-2.md") when the folder has that file; else the published file of the guide it declares, so a
    /// browser's renaming of a download never turns an edit into a second guide; else the made-up name (a new file).
    /// </summary>
    public static string FileNameFor(string uploadName, string text, QuestionnaireCatalog catalog)
    {
        var name = Sanitised(uploadName);
        if (catalog.Files.Any(f => f.Name == name))
        {
            return name; // the file it says it is; the check tells when its id is another guide's
        }

        return DraftStore.DeclaredId(text) is { } id && catalog.FileOf(id) is { } file ? file.Name : name;
    }

    private static string Sanitised(string uploadName)
    {
        var stem = Path.GetFileNameWithoutExtension(uploadName).ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        stem = Unfit().Replace(stem, "-").Trim('-', '_');
        return (stem.Length == 0 ? "entwurf" : stem) + ".md";
    }

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex Unfit();
}
