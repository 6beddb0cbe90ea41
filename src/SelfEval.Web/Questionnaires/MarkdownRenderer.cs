using System.Collections.Concurrent;
using Markdig;
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
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : Cached(_blocks, markdown, static m => new HtmlString(Markdown.ToHtml(m, Pipeline)));

    /// <summary>Inline Markdown (emphasis in a question) without the surrounding paragraph.</summary>
    public IHtmlContent RenderInline(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : Cached(_inlines, markdown, static m =>
        {
            var html = Markdown.ToHtml(m, Pipeline).Trim();
            if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
            {
                html = html[3..^4];
            }

            return new HtmlString(html);
        });

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
