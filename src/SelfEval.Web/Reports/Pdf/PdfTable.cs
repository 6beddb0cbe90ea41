using PdfSharp.Drawing;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>
/// A table whose column widths are data (shares of the width, e.g. <c>[("Frage", 0.5), ("Stand", 0.2)]</c>): each cell
/// wraps inside its column, rows never split, and a row that does not fit starts a new page with the header repeated.
/// A table whose headers are all empty has no header row.
/// </summary>
public sealed class PdfTable
{
    public const double Padding = 3;
    private const double VerticalPadding = 2;

    private readonly PdfLayout _l;
    private readonly IReadOnlyList<(string Header, double Share)> _columns;
    private readonly bool _hasHeader;
    private bool _started;

    public PdfTable(PdfLayout layout, IReadOnlyList<(string Header, double Share)> columns, double indent = 0)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0 || columns.Any(c => c.Share <= 0))
        {
            throw new ArgumentException("A table needs columns with positive shares.", nameof(columns));
        }

        _l = layout;
        _columns = columns;
        _hasHeader = columns.Any(c => c.Header.Length > 0);
        var total = columns.Sum(c => c.Share);
        var width = PdfLayout.Width - indent;
        var x = PdfLayout.Left + indent;
        var lefts = new List<double>();
        var widths = new List<double>();
        foreach (var (_, share) in columns)
        {
            lefts.Add(x);
            widths.Add(width * share / total);
            x += width * share / total;
        }

        Lefts = lefts;
        Widths = widths;
    }

    /// <summary>The left edge of each column.</summary>
    public IReadOnlyList<double> Lefts { get; }

    /// <summary>The width of each column, its share of the table's width.</summary>
    public IReadOnlyList<double> Widths { get; }

    /// <summary>Columns whose cells are set flush right (numbers).</summary>
    public IReadOnlySet<int> AlignRight { get; init; } = new HashSet<int>();

    public XFont HeaderFont { get; init; } = PdfTheme.SmallBold;

    /// <summary>Draws a rule under each row.</summary>
    public bool Rules { get; init; } = true;

    public void Row(params IReadOnlyList<Run>[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"The table has {_columns.Count} columns, the row {cells.Length} cells.", nameof(cells));
        }

        var wrapped = cells.Select((c, i) => _l.Wrap(c, Widths[i] - (2 * Padding))).ToList();
        var height = wrapped.Max(lines => lines.Sum(line => line.Height)) + (2 * VerticalPadding);
        if (!_started || _l.Y + height > PdfLayout.Bottom)
        {
            if (_l.Y + height + (_hasHeader ? HeaderHeight() : 0) > PdfLayout.Bottom)
            {
                _l.NewPage();
            }

            if (_hasHeader)
            {
                Header();
            }

            _started = true;
        }

        for (var i = 0; i < cells.Length; i++)
        {
            _l.Lines(wrapped[i], Lefts[i] + Padding, _l.Y + VerticalPadding, AlignRight.Contains(i), Widths[i] - (2 * Padding));
        }

        _l.Y += height;
        if (Rules)
        {
            _l.G.DrawLine(PdfTheme.RulePen, Lefts[0], _l.Y, Lefts[^1] + Widths[^1], _l.Y);
        }
    }

    /// <summary>Ends the table with a little space below it.</summary>
    public void End(double after = 6) => _l.Y += after;

    private double HeaderHeight() => PdfLayout.LineHeight(HeaderFont) + (2 * VerticalPadding);

    private void Header()
    {
        var top = _l.Y;
        var height = 0.0;
        for (var i = 0; i < _columns.Count; i++)
        {
            var lines = _l.Wrap([new Run(_columns[i].Header, HeaderFont, PdfTheme.MutedBrush)], Widths[i] - (2 * Padding));
            height = Math.Max(height, _l.Lines(lines, Lefts[i] + Padding, top + VerticalPadding, AlignRight.Contains(i), Widths[i] - (2 * Padding)));
        }

        _l.Y = top + height + (2 * VerticalPadding);
        _l.G.DrawLine(PdfTheme.AxisPen, Lefts[0], _l.Y, Lefts[^1] + Widths[^1], _l.Y);
    }
}
