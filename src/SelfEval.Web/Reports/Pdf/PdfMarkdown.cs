using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PdfSharp.Drawing;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>
/// Markdown (the method appendix, offer descriptions) parsed with Markdig and walked into the layout: headings,
/// paragraphs, lists, emphasis, quotes and tables, so no raw <c>**</c> reaches the page.
/// </summary>
public static class PdfMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private const double ListIndent = 12;

    public static void Render(PdfLayout l, string markdown, double indent = 0)
    {
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            Block(l, block, indent, last: false);
        }
    }

    private static void Block(PdfLayout l, Block block, double indent, bool last)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var text = string.Concat(Runs(heading.Inline, false, false).Select(r => r.Text));
                if (heading.Level <= 1)
                {
                    PdfBlocks.H2(l, text);
                }
                else
                {
                    PdfBlocks.H3(l, text);
                }

                break;
            case ParagraphBlock paragraph:
                l.Paragraph(Runs(paragraph.Inline, false, false).ToList(), indent, after: last ? 1 : 5);
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}." : "•";
                    l.Need(PdfLayout.LineHeight(PdfTheme.Body) * 2);
                    l.Text(bullet, PdfTheme.Body, PdfTheme.AccentBrush, PdfLayout.Left + indent, l.Y);
                    for (var i = 0; i < item.Count; i++)
                    {
                        Block(l, item[i], indent + ListIndent, last: i == item.Count - 1);
                    }
                }

                l.Y += 4;
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Block(l, child, indent + ListIndent, last: false);
                }

                break;
            case Table table:
                Table(l, table, indent);
                break;
            case ThematicBreakBlock:
                l.Need(8);
                l.G.DrawLine(PdfTheme.RulePen, PdfLayout.Left + indent, l.Y + 3, PdfLayout.Right, l.Y + 3);
                l.Y += 8;
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                // Code and anything else: its text as written, line by line.
                l.Paragraph(leaf.Lines.ToString(), PdfTheme.Small, PdfTheme.InkBrush, indent, after: 5);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Block(l, child, indent, last: false);
                }

                break;
            default:
                break;
        }
    }

    private static void Table(PdfLayout l, Table table, double indent)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0)
        {
            return;
        }

        static string Plain(TableCell cell) =>
            string.Concat(cell.OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline, false, false)).Select(r => r.Text));

        // Wider text, wider column: the shares follow the longest cell of each column.
        var columns = rows[0].Count;
        var shares = Enumerable.Range(0, columns)
            .Select(i => Math.Clamp(rows.Max(r => i < r.Count ? Plain((TableCell)r[i]).Length : 0), 4, 60))
            .ToList();
        var header = rows[0].IsHeader ? rows[0] : null;
        var pdf = new PdfTable(l, Enumerable.Range(0, columns).Select(i => (header is null || i >= header.Count ? string.Empty : Plain((TableCell)header[i]), (double)shares[i])).ToList(), indent);
        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            pdf.Row(Enumerable.Range(0, columns).Select(i => (IReadOnlyList<Run>)(i < row.Count
                ? ((TableCell)row[i]).OfType<ParagraphBlock>().SelectMany(p => Runs(p.Inline, false, false, PdfTheme.Small)).ToList()
                : [])).ToArray());
        }

        pdf.End();
    }

    private static IEnumerable<Run> Runs(ContainerInline? container, bool bold, bool italic, XFont? size = null)
    {
        if (container is null)
        {
            yield break;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), bold, italic, size);
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2;
                    foreach (var run in Runs(emphasis, bold || strong, italic || !strong, size))
                    {
                        yield return run;
                    }

                    break;
                case CodeInline code:
                    yield return Run(code.Content, bold, italic, size);
                    break;
                case LineBreakInline lineBreak:
                    yield return Run(lineBreak.IsHard ? "\n" : " ", bold, italic, size);
                    break;
                case AutolinkInline link:
                    yield return Run(link.Url, bold, italic, size);
                    break;
                case HtmlEntityInline entity:
                    yield return Run(entity.Transcoded.ToString(), bold, italic, size);
                    break;
                case ContainerInline inner:
                    foreach (var run in Runs(inner, bold, italic, size))
                    {
                        yield return run;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static Run Run(string text, bool bold, bool italic, XFont? size)
    {
        var small = size == PdfTheme.Small;
        var font = (bold, italic, small) switch
        {
            (true, _, true) => PdfTheme.SmallBold,
            (false, _, true) => PdfTheme.Small,
            (true, _, false) => PdfTheme.Bold,
            (false, true, false) => PdfTheme.Italic,
            (false, false, false) => PdfTheme.Body,
        };
        return new Run(text, font, PdfTheme.InkBrush);
    }
}
