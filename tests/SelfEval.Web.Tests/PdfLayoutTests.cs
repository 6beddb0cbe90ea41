using PdfSharp.Pdf;
using SelfEval.Web.Reports.Pdf;

namespace SelfEval.Web.Tests;

/// <summary>The PDF's layout engine on its own: word wrap, the table helper, Markdown and the colours.</summary>
public sealed class PdfLayoutTests : IDisposable
{
    private readonly PdfDocument _document = new();
    private readonly List<DrawnText> _drawn = [];
    private readonly PdfLayout _l;

    public PdfLayoutTests() => _l = new PdfLayout(_document, _drawn);

    public void Dispose()
    {
        _l.Finish();
        _document.Dispose();
    }

    private const string Sentence =
        "Klären Sie frühzeitig, aus welchen Quellen Ihre Initiative finanziert werden kann, und lassen Sie sich " +
        "Finanzierungsmodelle anderer Initiativen vorstellen – etwa bei der Service- und Beratungsstelle (https://www.regionale-industrieinitiativen.de/angebote/finanzierung).";

    private static Run Body(string text) => new(text, PdfTheme.Body, PdfTheme.InkBrush);

    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(120)]
    [InlineData(250)]
    [InlineData(PdfLayout.Width)]
    public void No_wrapped_line_is_wider_than_the_width_and_no_word_is_lost(double width)
    {
        var lines = _l.Wrap([Body(Sentence)], width);

        Assert.All(lines, line => Assert.True(line.Width <= width + 0.01, $"„{line.Text}“ is {line.Width:0.0} wide, more than {width}"));
        Assert.All(lines, line => Assert.True(_l.TextWidth(line.Text, PdfTheme.Body) <= width + 0.01, $"„{line.Text}“ measured as one string is wider than {width}"));
        Assert.Equal(Sentence.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines.Select(l => l.Text)).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Measuring_by_characters_gives_pdfsharps_own_width()
    {
        foreach (var font in new[] { PdfTheme.Body, PdfTheme.Bold, PdfTheme.Small, PdfTheme.Italic, PdfTheme.Title })
        {
            foreach (var text in new[] { Sentence, "„Vorgehen“ – 69 · Fortgeschritten → ±0 −5 … Größe", "Wir fi nden ff ffl AV To" })
            {
                Assert.Equal(_l.G.MeasureString(text, font).Width, _l.TextWidth(text, font), 6);
            }
        }
    }

    [Fact]
    public void A_word_longer_than_the_line_is_split_into_pieces_that_fit()
    {
        const string Word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze";
        var width = _l.TextWidth(Word, PdfTheme.Body) / 3;

        var lines = _l.Wrap([Body(Word)], width);

        Assert.InRange(lines.Count, 3, 5);
        Assert.Equal(Word, string.Concat(lines.Select(l => l.Text)));
        Assert.All(lines, line => Assert.True(line.Width <= width));
    }

    [Theory]
    [InlineData("Aufbau-Checkliste", "Aufbau-", "Checkliste")]
    [InlineData("Politik/Verwaltung", "Politik/", "Verwaltung")]
    public void A_line_breaks_after_a_hyphen_or_a_slash_before_it_cuts_a_word(string text, string first, string second)
    {
        var lines = _l.Wrap([Body(text)], Math.Max(_l.TextWidth(first, PdfTheme.Body), _l.TextWidth(second, PdfTheme.Body)) + 2);

        Assert.Equal([first, second], lines.Select(l => l.Text));
    }

    [Fact]
    public void Runs_in_different_fonts_share_lines_keep_their_fonts_and_fit_together()
    {
        Run[] runs = [new("Nächster Schritt: ", PdfTheme.Bold, PdfTheme.AccentBrush), Body(Sentence)];

        var wide = _l.Wrap(runs, PdfLayout.Width * 3);
        var narrow = _l.Wrap(runs, 140);

        Assert.Single(wide);
        Assert.Equal([PdfTheme.Bold, PdfTheme.Body], wide[0].Runs.Select(r => r.Font));
        Assert.Equal(PdfTheme.Bold, narrow[0].Runs[0].Font);
        Assert.All(narrow, line => Assert.True(line.Runs.Sum(r => _l.TextWidth(r.Text, r.Font)) <= 140.01, line.Text));
        Assert.True(narrow.Count > 4);
    }

    [Fact]
    public void Empty_text_takes_no_line_and_a_line_break_starts_one()
    {
        Assert.Empty(_l.Wrap([Body(string.Empty)], 100));
        Assert.Equal(0, _l.Measure([Body(string.Empty)], 100));
        var y = _l.Y;
        _l.Paragraph(string.Empty, PdfTheme.Body, PdfTheme.InkBrush, after: 0);
        Assert.Equal(y, _l.Y);
        Assert.Empty(_drawn);

        Assert.Equal(["eins", "zwei"], _l.Wrap([Body("eins\nzwei")], PdfLayout.Width).Select(l => l.Text));
    }

    [Fact]
    public void Table_columns_get_their_share_of_the_width_and_each_cell_stays_in_its_column()
    {
        var table = new PdfTable(_l, [("Frage", 0.5), ("Stand", 0.2), ("Schritt", 0.3)]);
        var cells = new[] { "alpha", "beta", "gamma" };
        table.Row(cells.Select(w => (IReadOnlyList<Run>)[Body(string.Join(' ', Enumerable.Repeat(w, 30)))]).ToArray());

        Assert.Equal([0.5 * PdfLayout.Width, 0.2 * PdfLayout.Width, 0.3 * PdfLayout.Width], table.Widths.Select(w => Math.Round(w, 6)), (a, b) => Math.Abs(a - b) < 1e-6);
        for (var i = 0; i < cells.Length; i++)
        {
            var drawn = _drawn.Where(d => d.Text.Contains(cells[i], StringComparison.Ordinal)).ToList();
            Assert.True(drawn.Count > 1, $"column {i} wraps");
            Assert.All(drawn, d => Assert.InRange(d.X, table.Lefts[i], table.Lefts[i] + table.Widths[i]));
            Assert.All(drawn, d => Assert.True(d.X + d.Width <= table.Lefts[i] + table.Widths[i], $"„{d.Text}“ leaves column {i}"));
        }
    }

    [Fact]
    public void A_table_breaks_pages_between_rows_and_repeats_its_header()
    {
        var table = new PdfTable(_l, [("Nr.", 0.1), ("Frage", 0.9)]);
        for (var i = 0; i < 80; i++)
        {
            table.Row([Body($"{i}.")], [Body($"Zeile {i}: " + Sentence)]);
        }

        Assert.True(_l.PageNumber >= 2);
        Assert.All(Enumerable.Range(1, _l.PageNumber), page => Assert.Single(_drawn, d => d.Page == page && d.Text == "Frage"));
        foreach (var i in Enumerable.Range(0, 80))
        {
            // A row is never split: all its lines are on one page.
            Assert.Single(_drawn.Where(d => d.Text.Contains($"Zeile {i}:", StringComparison.Ordinal) || d.Text == $"{i}.").Select(d => d.Page).Distinct());
        }

        Assert.All(_drawn, d => Assert.True(d.Y + PdfLayout.LineHeight(d.Font) <= PdfLayout.Bottom + 0.01, $"„{d.Text}“ below the bottom margin"));
    }

    [Fact]
    public void Markdown_headings_lists_emphasis_and_tables_become_text_in_their_fonts()
    {
        PdfMarkdown.Render(_l, "# Titel\n\nEin **fetter** Anfang und *schräg*.\n\n- erstens\n- zweitens mit `Code`\n\n| Spalte | Wert |\n|---|---|\n| links | rechts |\n");

        Assert.Contains(_drawn, d => d.Text == "Titel" && d.Font == PdfTheme.H2);
        Assert.Contains(_drawn, d => d.Text.Trim() == "fetter" && d.Font == PdfTheme.Bold);
        Assert.Contains(_drawn, d => d.Text.Trim() == "schräg" && d.Font == PdfTheme.Italic);
        Assert.Equal(2, _drawn.Count(d => d.Text == "•"));
        Assert.Contains(_drawn, d => d.Text.Contains("zweitens mit Code", StringComparison.Ordinal));
        Assert.Contains(_drawn, d => d.Text == "Spalte");
        Assert.Contains(_drawn, d => d.Text == "rechts");
        Assert.DoesNotContain(_drawn, d => d.Text.Contains('*', StringComparison.Ordinal) || d.Text.Contains('|', StringComparison.Ordinal) || d.Text.Contains('#', StringComparison.Ordinal));
    }

    [Fact]
    public void Every_colour_that_marks_data_stands_out_from_the_paper_by_three_to_one()
    {
        Assert.All(PdfTheme.Marks, m => Assert.True(PdfTheme.Contrast(m.Colour, PdfTheme.Paper) >= 3, $"{m.Mark}: {PdfTheme.Contrast(m.Colour, PdfTheme.Paper):0.00}:1"));
        Assert.Equal(21, PdfTheme.Contrast(PdfSharp.Drawing.XColors.Black, PdfSharp.Drawing.XColors.White), 3);
        Assert.NotEqual(PdfTheme.Accent, PdfTheme.TeamDot); // team dots are never read as scores
    }
}
