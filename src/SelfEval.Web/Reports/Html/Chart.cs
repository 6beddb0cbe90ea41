using System.Globalization;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Html;

/// <summary>One bar of a chart: its label, the 0–100 value it is drawn to (none: not assessable) and the words beside it.</summary>
public sealed record BarRow(string Label, decimal? Value, string Text, BarKind Kind = BarKind.Score);

/// <summary>What a bar shows; each kind has its own colour, so a team's agreement never reads as a score.</summary>
public enum BarKind
{
    Score,
    Context,
    Agreement,
}

/// <summary>Geometry shared by the charts: positions on the 0–100 axis as SVG percentages, culture-invariant.</summary>
public static class Chart
{
    /// <summary>The axis labels every chart carries.</summary>
    public static IReadOnlyList<int> Ticks { get; } = [0, 25, 50, 75, 100];

    /// <summary>"62.5%": an x position or width in an SVG without a viewBox, so circles stay round at any width.</summary>
    public static string Pct(decimal? value) =>
        Math.Clamp(value ?? 0, 0, 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Css(BarKind kind) => kind switch
    {
        BarKind.Score => "fill",
        BarKind.Context => "fill context",
        BarKind.Agreement => "fill agreement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Score lines as bars, highest first; lines that cannot be assessed last, in their own order.</summary>
    public static IReadOnlyList<BarRow> Sorted(IEnumerable<ScoreLine> lines) =>
        lines.Select((line, i) => (line, i))
            .OrderBy(x => x.line.Shown is null)
            .ThenByDescending(x => x.line.Shown ?? 0)
            .ThenBy(x => x.i)
            .Select(x => Row(x.line))
            .ToList();

    public static BarRow Row(ScoreLine line) =>
        new(line.Label, line.Shown, ProfileTexts.ValueAndBand(line), line.IsContext ? BarKind.Context : BarKind.Score);

    /// <summary>
    /// The dots of one question, one per person, on a line: equal answers stacked upwards so that each person
    /// stays visible. Returns each dot's position and its place in the stack.
    /// </summary>
    public static IReadOnlyList<(decimal Point, int Level)> Stack(IReadOnlyList<decimal> points) =>
        points.GroupBy(p => Format.Whole(p)).SelectMany(g => g.Select((p, level) => (p, level))).ToList();

    /// <summary>A web link or an e-mail address from the catalogue as a link target; anything else none.</summary>
    public static string? Href(string contact) =>
        contact.StartsWith("https://", StringComparison.Ordinal) ? contact
        : contact.Contains('@', StringComparison.Ordinal) && !contact.Contains(':', StringComparison.Ordinal) ? "mailto:" + contact
        : null;

    /// <summary>The method appendix without its first heading, which becomes the summary of its collapsed block.</summary>
    public static (string Title, string Body) SplitTitle(string markdown)
    {
        var text = markdown.TrimStart();
        if (!text.StartsWith("# ", StringComparison.Ordinal))
        {
            return (string.Empty, markdown);
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? (text[2..].Trim(), string.Empty) : (text[2..end].Trim(), text[(end + 1)..]);
    }
}

/// <summary>The ids of the profile's sections, for the table of contents.</summary>
public static class Outline
{
    public const string Summary = "auf-einen-blick";
    public const string Checklist = "checkliste";
    public const string Facts = "initiative";
    public const string Sections = "abschnitte";
    public const string Benchmark = "vergleich";
    public const string Strengths = "staerken";
    public const string Weaknesses = "entwicklungsfelder";
    public const string Offers = "angebote";
    public const string Team = "team";
    public const string Trend = "entwicklung";
    public const string Consensus = "teamgespraech";
    public const string ActionPlan = "massnahmenplan";
    public const string Appendix = "anhang";

    /// <summary>What follows page one, in reading order: only the sections this report has.</summary>
    public static IReadOnlyList<(string Id, string Title)> After(ProfileReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var list = new List<(string, string)>();
        if (r.Checklist is { Count: > 0 })
        {
            list.Add((Checklist, ProfileTexts.ChecklistTitle));
        }

        if (r.Facts.Count > 0)
        {
            list.Add((Facts, ProfileTexts.FactsTitle));
        }

        list.Add((Sections, ProfileTexts.SectionsTitle));
        if (r.Benchmark is not null)
        {
            list.Add((Benchmark, ProfileTexts.BenchmarkTitle));
        }

        list.Add((Strengths, ProfileTexts.StrengthsTitle));
        list.Add((Weaknesses, ProfileTexts.WeaknessesTitle));
        list.Add((Offers, ProfileTexts.OffersTitle));
        if (r.Actions.Count > 0)
        {
            list.Add((ActionPlan, ProfileTexts.ActionPlanTitle));
        }

        if (r.Team is not null)
        {
            list.Add((Team, ProfileTexts.TeamTitle));
        }

        if (r.Trend is { } trend)
        {
            list.Add((Trend, ProfileTexts.TrendTitle(trend)));
        }

        list.Add((Appendix, ProfileTexts.AppendixTitle));
        return list;
    }
}
