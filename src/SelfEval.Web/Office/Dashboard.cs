using System.Collections.Concurrent;
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

/// <summary>A distribution, or null where it would rest on fewer than k initiatives.</summary>
public sealed record Figure(string Key, string Label, Distribution? Distribution);

/// <summary>The figures of one group; <paramref name="Count"/> is null where the group is suppressed.</summary>
public sealed record GroupFigures(string Group, string Label, int? Count, IReadOnlyList<Figure> Figures, string? Refusal = null);

public sealed record Frequency(string Key, string Label, int Percent);

public sealed record YearFigure(int Year, Distribution? Overall);

public sealed record CountCell(string Guide, string GuideTitle, int Year, int? Rounds);

public sealed record DashboardModel(
    int K,
    int DemoInitiatives,
    IReadOnlyList<CountCell> Counts,
    DashboardQuery Query,
    string GuideTitle,
    int Population,
    int? Selected,
    string? Refusal,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<GroupFigures> Split,
    IReadOnlyList<GroupFigures> Compare,
    IReadOnlyList<Frequency> Weaknesses,
    IReadOnlyList<Frequency> Needs,
    IReadOnlyList<YearFigure> Years);

/// <summary>
/// One guard per office user and state of the data: what they have seen decides what they may see next.
/// When rounds close or consent changes, the cohort differs and a fresh history starts; comparing
/// figures across such changes is not prevented here (that would need frozen editions).
/// </summary>
public sealed class QueryGuards(Microsoft.Extensions.Options.IOptions<SelfEvalOptions> options)
{
    private readonly ConcurrentDictionary<string, QueryGuard> _guards = new(StringComparer.OrdinalIgnoreCase);

    public QueryGuard For(string user, IReadOnlyList<CohortRound> cohort)
    {
        var fingerprint = string.Join(',', cohort.Select(r => r.RoundId).Order());
        var key = $"{user}\n{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(fingerprint)))}";
        return _guards.GetOrAdd(key, _ => new QueryGuard(options.Value.AnonymityK));
    }
}

/// <summary>
/// Builds every figure of the dashboard from the cohort, applying k to each one: a selection and its
/// remainder, every group of a split (with complementary suppression), both sides of a comparison, and
/// the user's earlier selections (no two may differ by fewer than k initiatives).
/// </summary>
public static class DashboardBuilder
{
    public static DashboardModel Build(IReadOnlyList<CohortRound> cohort, DashboardQuery query, QuestionnaireCatalog catalog, int k, QueryGuard guard)
    {
        var guide = catalog.Find(query.Guide) ?? catalog.Questionnaires[0];
        query = query with { Guide = guide.Id };
        var numbers = new Numbering(guide);
        var counts = cohort
            .GroupBy(r => (r.Guide, r.Year))
            .OrderBy(g => g.Key.Guide, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new CountCell(g.Key.Guide, catalog.Find(g.Key.Guide)?.Title ?? g.Key.Guide, g.Key.Year, g.Select(r => r.AssessmentId).Distinct().Count() >= k ? g.Count() : null))
            .ToList();
        var demo = cohort.Where(r => r.Demo).Select(r => r.AssessmentId).Distinct().Count();

        // Each initiative counts once: with its latest closed round of this guide.
        var latest = cohort.Where(r => r.Guide == guide.Id)
            .GroupBy(r => r.AssessmentId)
            .Select(g => g.OrderByDescending(r => r.ClosedAt, StringComparer.Ordinal).First())
            .ToList();
        var selected = latest.Where(r => Matches(r, query.Filters)).ToList();
        var ids = selected.Select(r => r.AssessmentId).ToHashSet();
        var refusal = Anonymity.Refusal(selected.Count, latest.Count, k) ?? guard.Check(ids);
        var empty = new DashboardModel(k, demo, counts, query, guide.Title, latest.Count, null, refusal, [], [], [], [], [], []);
        if (refusal is not null)
        {
            return empty;
        }

        var figures = Figures(guide, selected, k);
        var split = new List<GroupFigures>();
        if (query.SplitBy is { } by && Groups.Values.ContainsKey(by))
        {
            var byGroup = selected.Where(r => r.Groups.ContainsKey(by)).GroupBy(r => r.Groups[by]).ToDictionary(g => g.Key, g => g.ToList());
            var sizes = Groups.Values[by].ToDictionary(v => v.Value, v => byGroup.GetValueOrDefault(v.Value)?.Count ?? 0);
            var unknown = selected.Count(r => !r.Groups.ContainsKey(by));
            if (unknown > 0)
            {
                sizes["ohne-angabe"] = unknown;
            }

            var shown = Anonymity.ShownGroups(sizes, k);
            foreach (var (value, label) in Groups.Values[by].Append(("ohne-angabe", "ohne Angabe")).Where(v => sizes.GetValueOrDefault(v.Item1) > 0))
            {
                split.Add(shown.Contains(value)
                    ? new GroupFigures(value, label, sizes[value], Figures(guide, byGroup.GetValueOrDefault(value) ?? selected.Where(r => !r.Groups.ContainsKey(by)).ToList(), k).Take(6).ToList())
                    : new GroupFigures(value, label, null, [], Anonymity.TooFew));
            }
        }

        var compare = new List<GroupFigures>();
        if (query.CompareBy is { } cb && Groups.Values.ContainsKey(cb) && query.CompareA is { } a && query.CompareB is { } b && a != b)
        {
            foreach (var value in new[] { a, b })
            {
                var group = selected.Where(r => r.Groups.GetValueOrDefault(cb) == value).ToList();
                var why = Anonymity.Refusal(group.Count, selected.Count, k) ?? guard.Check(group.Select(r => r.AssessmentId).ToHashSet());
                compare.Add(why is null
                    ? new GroupFigures(value, Groups.Label(cb, value), group.Count, Figures(guide, group, k))
                    : new GroupFigures(value, Groups.Label(cb, value), null, [], why));
            }
        }

        int Percent(int n) => (int)Math.Round(100.0 * n / selected.Count, MidpointRounding.AwayFromZero);
        var weaknesses = selected.SelectMany(r => r.Result.Weak.Distinct()).GroupBy(q => q)
            .Select(g => (Id: g.Key, Count: g.Count(), Question: guide.FindQuestion(g.Key)))
            .Where(x => x.Question is not null)
            .OrderByDescending(x => x.Count).ThenBy(x => x.Question!.Line)
            .Take(10)
            .Select(x => new Frequency(x.Id, $"{numbers.Of(x.Question!)} {x.Question!.Text}", Percent(x.Count)))
            .ToList();
        var needs = selected.SelectMany(r => r.Result.Needs.Distinct()).GroupBy(o => o)
            .Select(g => (Id: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(10)
            .Select(x => new Frequency(x.Id, catalog.Offers?.Find(x.Id)?.Title ?? x.Id, Percent(x.Count)))
            .ToList();

        var years = cohort.Where(r => r.Guide == guide.Id && Matches(r, query.Filters))
            .GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g =>
            {
                var perInitiative = g.GroupBy(r => r.AssessmentId).Select(x => x.OrderByDescending(r => r.ClosedAt, StringComparer.Ordinal).First()).ToList();
                return new YearFigure(g.Key, Distribution.Of(perInitiative.Where(r => r.Result.Overall is not null).Select(r => r.Result.Overall!.Value).ToList(), k));
            })
            .ToList();

        return empty with { Selected = selected.Count, Figures = figures, Split = split, Compare = compare, Weaknesses = weaknesses, Needs = needs, Years = years };
    }

    private static bool Matches(CohortRound round, IReadOnlyDictionary<string, string> filters) =>
        filters.All(f => round.Groups.GetValueOrDefault(f.Key) == f.Value);

    /// <summary>Overall, the three aspects, the two dimensions, then every section of the guide.</summary>
    public static List<Figure> Figures(Questionnaire guide, IReadOnlyList<CohortRound> rounds, int k)
    {
        var numbers = new Numbering(guide);
        Figure Of(string key, string label, Func<RoundResult, decimal?> value) =>
            new(key, label, Distribution.Of(rounds.Select(r => value(r.Result)).OfType<decimal>().ToList(), k));

        var figures = new List<Figure> { Of("gesamt", "Gesamt", r => r.Overall) };
        figures.AddRange(Enum.GetValues<Aspect>().Select(a => Of(a.Name(), a.Label(), r => r.Aspects.TryGetValue(a.Name(), out var v) ? v : null)));
        figures.AddRange(Enum.GetValues<Dimension>().Select(d => Of(d.Name(), d.Label(), r => r.Dimensions.TryGetValue(d.Name(), out var v) ? v : null)));
        figures.AddRange(guide.Sections.Where(s => s.Questions.Any(q => q.Scored))
            .Select(s => Of(s.Id, $"{numbers.Of(s)} {s.Title}", r => r.Sections.TryGetValue(s.Id, out var v) ? v : null)));
        return figures;
    }
}
