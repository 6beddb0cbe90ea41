using System.Text.Json;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Office;

public sealed record DashboardQuery(
    string Guide,
    IReadOnlyDictionary<string, string> Filters,
    string? SplitBy = null,
    string? CompareBy = null,
    string? CompareA = null,
    string? CompareB = null);

/// <summary>
/// A distribution as released, or null where it is withheld (<paramref name="Why"/>).
/// <paramref name="Earlier"/> is the date of an earlier release shown instead of a new figure.
/// </summary>
public sealed record Figure(string Key, string Label, Distribution? Distribution, DateTimeOffset? Earlier = null, DisclosureDecision? Why = null);

/// <summary>The figures of one group; <paramref name="Count"/> is null where the group is withheld.</summary>
public sealed record GroupFigures(string Group, string Label, int? Count, IReadOnlyList<Figure> Figures, DisclosureDecision? Why = null, DateTimeOffset? Earlier = null);

public sealed record Frequency(string Key, string Label, int Percent);

public sealed record YearFigure(int Year, Figure Overall);

public sealed record CountCell(string Guide, string GuideTitle, int Year, int? Initiatives, DateTimeOffset? Earlier = null, DisclosureDecision? Why = null);

public sealed record DashboardModel(
    int K,
    int DemoInitiatives,
    DateTimeOffset SnapshotDate,
    IReadOnlyList<CountCell> Counts,
    DashboardQuery Query,
    string GuideTitle,
    int? Selected,
    DisclosureDecision? Refusal,
    DateTimeOffset? Earlier,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<GroupFigures> Split,
    IReadOnlyList<GroupFigures> Compare,
    IReadOnlyList<Frequency> Weaknesses,
    IReadOnlyList<Frequency> Needs,
    IReadOnlyList<YearFigure> Years);

/// <summary>What a selection holds as the base figure: how many initiatives, and how often each question is weak and each offer needed.</summary>
public sealed record CellBase(int N, Dictionary<string, int> Weak, Dictionary<string, int> Needs);

/// <summary>The numbers of one selection of a snapshot, before the disclosure rule decides on them.</summary>
public static class CellFigures
{
    public const string Base = "n";

    /// <summary>A count alone, for the table of initiatives per guide and year: it carries no scores or frequencies, so it is its own measure.</summary>
    public const string Count = "anzahl";

    public static Candidate CountOf(IReadOnlyList<CohortRound> rounds) =>
        new(Count, new MemberSet(rounds.Select(r => r.RoundId)), rounds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The base count, then overall, aspects, dimensions and every scored section, each over the rounds that have it.</summary>
    public static List<Candidate> Of(Questionnaire guide, IReadOnlyList<CohortRound> rounds, int k)
    {
        var weak = rounds.SelectMany(r => r.Result.Weak.Distinct()).GroupBy(q => q).ToDictionary(g => g.Key, g => g.Count());
        var needs = rounds.SelectMany(r => r.Result.Needs.Distinct()).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        var candidates = new List<Candidate>
        {
            new(Base, new MemberSet(rounds.Select(r => r.RoundId)), JsonSerializer.Serialize(new CellBase(rounds.Count, weak, needs))),
        };
        foreach (var (key, _, value) in Measures(guide))
        {
            var with = rounds.Select(r => (r.RoundId, Value: value(r.Result))).Where(x => x.Value is not null).ToList();
            candidates.Add(new Candidate(key, new MemberSet(with.Select(x => x.RoundId)), JsonSerializer.Serialize(Distribution.Of(with.Select(x => x.Value!.Value).ToList(), k))));
        }

        return candidates;
    }

    /// <summary>Overall, the aspects, the dimensions, then every scored section of the guide.</summary>
    public static IEnumerable<(string Key, string Label, Func<RoundResult, decimal?> Value)> Measures(Questionnaire guide)
    {
        var numbers = new Numbering(guide);
        yield return ("gesamt", "Gesamt", r => r.Overall);
        foreach (var a in Enum.GetValues<Aspect>())
        {
            yield return (a.Name(), a.Label(), r => r.Aspects.TryGetValue(a.Name(), out var v) ? v : null);
        }

        foreach (var d in Enum.GetValues<Dimension>())
        {
            yield return (d.Name(), d.Label(), r => r.Dimensions.TryGetValue(d.Name(), out var v) ? v : null);
        }

        foreach (var s in guide.Sections.Where(s => s.Questions.Any(q => q.Scored)))
        {
            yield return (s.Id, $"{numbers.Of(s)} {s.Title}", r => r.Sections.TryGetValue(s.Id, out var v) ? v : null);
        }
    }
}

/// <summary>
/// Builds the dashboard from the current snapshot. Every number on it — counts, figures, groups of a
/// split, both sides of a comparison, frequencies, the years — is a selection released through
/// <see cref="ReleaseControl"/>; nothing is computed past it.
/// </summary>
public sealed class DashboardBuilder(ReleaseControl control, QuestionnaireCatalog catalog)
{
    public DashboardModel Build(Snapshot snapshot, DashboardQuery query)
    {
        var k = control.K;
        var guide = catalog.Find(query.Guide) ?? catalog.Questionnaires[0];
        query = query with { Guide = guide.Id };
        var numbers = new Numbering(guide);
        var demo = snapshot.Rounds.Where(r => r.Demo).Select(r => r.Member).Distinct().Count();

        var counts = new List<CountCell>();
        foreach (var g in catalog.Questionnaires)
        {
            foreach (var year in snapshot.Rounds.Where(r => r.Guide == g.Id).Select(r => r.Year).Distinct().Order())
            {
                var cell = new Cell(g.Id, new Dictionary<string, string>(), year);
                var count = control.Release(snapshot, cell, [CellFigures.CountOf(cell.RoundsIn(snapshot))])[CellFigures.Count];
                counts.Add(new CountCell(
                    g.Id, g.Title, year, count.ValueJson is null ? null : int.Parse(count.ValueJson, System.Globalization.CultureInfo.InvariantCulture),
                    count.State == ReleaseState.Earlier ? count.ReleasedAt : null, count.ValueJson is null ? count.Decision : null));
            }
        }

        var main = new Cell(guide.Id, query.Filters);
        var selected = Select(snapshot, main, guide);
        var empty = new DashboardModel(k, demo, snapshot.PublishedAt, counts, query, guide.Title, null, null, null, [], [], [], [], [], []);
        if (selected.Base is not { } mainBase)
        {
            return empty with { Refusal = selected.State.Decision };
        }
        var split = new List<GroupFigures>();
        var groups = catalog.Comparison;
        if (query.SplitBy is { } by && groups.Find(by) is { } splitBy)
        {
            var values = splitBy.Groups.Select(v => v.Value).Append(Cell.Unknown).ToList();
            var sizes = values.ToDictionary(v => v, v => main.With(by, v).RoundsIn(snapshot).Count);

            // A group too small to show must not follow as the total minus the groups shown.
            var shown = Anonymity.ShownGroups(sizes, k);
            foreach (var value in values.Where(v => sizes[v] > 0))
            {
                var label = value == Cell.Unknown ? "ohne Angabe" : groups.Label(by, value);
                split.Add(shown.Contains(value)
                    ? Group(snapshot, main.With(by, value), guide, value, label, take: 6)
                    : new GroupFigures(value, label, null, [], DisclosureDecision.TooFew));
            }
        }

        var compare = new List<GroupFigures>();
        if (query.CompareBy is { } cb && groups.Find(cb) is not null && query.CompareA is { } a && query.CompareB is { } b && a != b)
        {
            compare.AddRange(new[] { a, b }.Select(v => Group(snapshot, main.With(cb, v), guide, v, groups.Label(cb, v))));
        }

        int Percent(int n) => (int)Math.Round(100.0 * n / mainBase.N, MidpointRounding.AwayFromZero);
        var weaknesses = mainBase.Weak
            .Select(w => (Id: w.Key, Count: w.Value, Question: guide.FindQuestion(w.Key)))
            .Where(x => x.Question is not null)
            .OrderByDescending(x => x.Count).ThenBy(x => x.Question!.Line)
            .Take(10)
            .Select(x => new Frequency(x.Id, $"{numbers.Of(x.Question!)} {x.Question!.Text}", Percent(x.Count)))
            .ToList();
        var needs = mainBase.Needs
            .OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(10)
            .Select(x => new Frequency(x.Key, catalog.Offers?.Find(x.Key)?.Title ?? x.Key, Percent(x.Value)))
            .ToList();

        var years = snapshot.Rounds.Where(r => r.Guide == guide.Id).Select(r => r.Year).Distinct().Order()
            .Select(year => new YearFigure(year, Select(snapshot, main with { Year = year }, guide, measures: 1).Figures[0] with { Key = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Label = year.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .ToList();

        return empty with
        {
            Selected = mainBase.N,
            Earlier = selected.Earlier,
            Figures = selected.Figures,
            Split = split,
            Compare = compare,
            Weaknesses = weaknesses,
            Needs = needs,
            Years = years,
        };
    }

    private GroupFigures Group(Snapshot snapshot, Cell cell, Questionnaire guide, string value, string label, int? take = null)
    {
        var selection = Select(snapshot, cell, guide, take);
        return selection.Base is null
            ? new GroupFigures(value, label, null, [], selection.State.Decision)
            : new GroupFigures(value, label, selection.Base.N, selection.Figures, null, selection.Earlier);
    }

    /// <summary>Releases, where the rule allows, the coarse selections of a new snapshot first, so that what is most useful is released before any finer selection could block it.</summary>
    public void Prerelease(Snapshot snapshot)
    {
        foreach (var guide in catalog.Questionnaires)
        {
            var all = new Cell(guide.Id, new Dictionary<string, string>());
            Select(snapshot, all, guide);
            foreach (var year in snapshot.Rounds.Where(r => r.Guide == guide.Id).Select(r => r.Year).Distinct().Order())
            {
                Select(snapshot, all with { Year = year }, guide, measures: 1);
            }

            foreach (var dimension in catalog.Comparison.Dimensions)
            {
                foreach (var value in dimension.Groups.Select(v => v.Value).Append(Cell.Unknown))
                {
                    Select(snapshot, all.With(dimension.Key, value), guide);
                }
            }
        }
    }

    /// <summary>One selection as released: its base (count and frequencies) and every figure, or why it is withheld.</summary>
    /// <param name="measures">How many of the guide's measures are asked for (the base always is): a number not shown is not released.</param>
    public Selection Select(Snapshot snapshot, Cell cell, Questionnaire guide, int? measures = null)
    {
        if (cell.Contradictory)
        {
            var none = new Released(ReleaseState.Withheld, null, null, DisclosureDecision.TooFew);
            return new Selection(none, null, CellFigures.Measures(guide).Take(measures ?? int.MaxValue).Select(m => new Figure(m.Key, m.Label, null, null, DisclosureDecision.TooFew)).ToList());
        }

        var candidates = CellFigures.Of(guide, cell.RoundsIn(snapshot), control.K).Take(1 + (measures ?? int.MaxValue - 1)).ToList();
        var released = control.Release(snapshot, cell, candidates);
        var state = released[CellFigures.Base];
        var figures = CellFigures.Measures(guide).Take(measures ?? int.MaxValue).Select(m =>
        {
            var r = released[m.Key];
            var distribution = r.ValueJson is null ? null : JsonSerializer.Deserialize<Distribution>(r.ValueJson);
            return new Figure(m.Key, m.Label, distribution, r.State == ReleaseState.Earlier ? r.ReleasedAt : null, distribution is null ? r.Decision : null);
        }).ToList();
        return new Selection(state, state.ValueJson is null ? null : JsonSerializer.Deserialize<CellBase>(state.ValueJson), figures);
    }
}

/// <summary>A released selection: its base figure (null when withheld) and its figures.</summary>
public sealed record Selection(Released State, CellBase? Base, IReadOnlyList<Figure> Figures)
{
    public DateTimeOffset? Earlier => State.State == ReleaseState.Earlier ? State.ReleasedAt : null;
}
