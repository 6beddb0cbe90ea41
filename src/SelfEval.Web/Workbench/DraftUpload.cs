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
    /// The file a draft replaces: the published file of the guide it declares, else the upload's name made into one the
    /// folder reads ("Sich gut aufstellen (2).md" becomes "sich-gut-aufstellen-2.md"), so a browser's renaming never
    /// turns an edit into a second guide.
    /// </summary>
    public static string FileNameFor(string uploadName, string text, QuestionnaireCatalog catalog)
    {
        if (DraftStore.DeclaredId(text) is { } id && catalog.FileOf(id) is { } file)
        {
            return file.Name;
        }

        var stem = Path.GetFileNameWithoutExtension(uploadName).ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        stem = Unfit().Replace(stem, "-").Trim('-', '_');
        return (stem.Length == 0 ? "entwurf" : stem) + ".md";
    }

    [GeneratedRegex("[^a-z0-9_-]+")]
    private static partial Regex Unfit();
}
