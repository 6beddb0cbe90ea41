using Markdig;
using Microsoft.AspNetCore.Html;

namespace SelfEval.Web.Questionnaires;

/// <summary>Renders the help and introduction texts authors write in Markdown.</summary>
public sealed class MarkdownRenderer
{
    // Raw HTML in a questionnaire is shown as text: the files are edited by many hands.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Inline Markdown (emphasis in a question) without the surrounding paragraph.</summary>
    public IHtmlContent RenderInline(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var html = Markdown.ToHtml(markdown, Pipeline).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
        {
            html = html[3..^4];
        }

        return new HtmlString(html);
    }
}
