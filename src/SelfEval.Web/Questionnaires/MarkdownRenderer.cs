using System.Collections.Concurrent;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace SelfEval.Web.Questionnaires;

/// <summary>Renders the help and introduction texts authors write in Markdown.</summary>
public sealed class MarkdownRenderer
{
    // Raw HTML in a questionnaire is shown as text: the files are edited by many hands.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>
    /// Texts come from the guides (a few hundred per version, never changed once loaded), and every section page
    /// shows a dozen of them: each is rendered once. Bounded, so texts that are not the guides' cannot fill memory;
    /// past the bound a text is rendered on every call, as before.
    /// </summary>
    private const int CacheLimit = 8192;

    private readonly ConcurrentDictionary<string, HtmlString> _blocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HtmlString> _inlines = new(StringComparer.Ordinal);

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : Cached(_blocks, markdown, static m => new HtmlString(ToSafeHtml(m)));

    /// <summary>Inline Markdown (emphasis in a question) without the surrounding paragraph.</summary>
    public IHtmlContent RenderInline(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : Cached(_inlines, markdown, static m =>
        {
            var html = ToSafeHtml(m).Trim();
            if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
            {
                html = html[3..^4];
            }

            return new HtmlString(html);
        });

    /// <summary>
    /// Raw HTML is already shown as text, but a link's address is written as given, and <c>[Hier](javascript:…)</c>
    /// would run a script for whoever clicks it. The legal pages are edited in the browser and the guides by many
    /// hands: only web, mail and phone addresses and addresses within the service stay links.
    /// </summary>
    private static string ToSafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeAddress(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!link.IsEmail && !IsSafeAddress(link.Url))
            {
                link.Url = "#";
            }
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>An address without a scheme (relative, an anchor) or with one of <see cref="SafeSchemes"/>.</summary>
    public static bool IsSafeAddress(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore blanks and control characters inside a scheme ("java\tscript:"), so the check does too.
        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var end = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (end >= 0 && end < colon))
        {
            return true;
        }

        var scheme = compact[..colon];
        return SafeSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static HtmlString Cached(ConcurrentDictionary<string, HtmlString> cache, string markdown, Func<string, HtmlString> render)
    {
        if (cache.TryGetValue(markdown, out var html))
        {
            return html;
        }

        html = render(markdown);
        if (cache.Count < CacheLimit)
        {
            cache.TryAdd(markdown, html);
        }

        return html;
    }
}
