using System.Text.RegularExpressions;
using SelfEval.Scoring.Model;

namespace SelfEval.Web.Answering;

/// <summary>
/// What a person bases an answer on ("Woran machen Sie das fest?"): a short note or a link, optional, beside
/// the answers that are scored, where the labels ask for proofs.
/// </summary>
public static partial class Evidence
{
    /// <summary>Short enough to stay a note: a document's name, a decision, a link.</summary>
    public const int MaxLength = 500;

    public static bool Offered(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Scored;
    }

    /// <summary>
    /// The note as stored: trimmed, line breaks as one character each (as the browser counts them for its
    /// limit, though it sends two), null when empty.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        var text = typed?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The German message next to the field, or null when the note fits.</summary>
    public static string? Check(string? normalised) =>
        normalised is { Length: > MaxLength } text ? AnsweringTexts.EvidenceTooLong(MaxLength, text.Length) : null;

    /// <summary>A piece of a note: text, or a link where the text is an http or https address.</summary>
    public sealed record Part(string Text, string? Href);

    /// <summary>
    /// The note in pieces for display: only absolute http and https addresses become links, everything else
    /// stays text (and is encoded like any text), so a note can never carry a script or another scheme.
    /// </summary>
    public static IReadOnlyList<Part> Parts(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var parts = new List<Part>();
        var at = 0;
        foreach (Match match in Address().Matches(note))
        {
            // Punctuation closing a sentence belongs to the sentence, not to the address.
            var address = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '“', '”');
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            {
                continue;
            }

            if (match.Index > at)
            {
                parts.Add(new Part(note[at..match.Index], null));
            }

            parts.Add(new Part(address, uri.AbsoluteUri));
            at = match.Index + address.Length;
        }

        if (at < note.Length)
        {
            parts.Add(new Part(note[at..], null));
        }

        return parts;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
