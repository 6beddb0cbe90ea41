using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Office;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Tests.Stores;

namespace SelfEval.Web.Tests;

/// <summary>The disclosure rule on snapshots built by hand, where every group and every set is known, on a real SQLite file.</summary>
public sealed class DashboardBuilderTests : IDisposable
{
    private readonly StoreFixture _f = new(TestPaths.TestQuestionnaires);

    // 21 initiatives with the fixture guide "Testwirkung": 12 established (10 in the north, 2 in the south), 6 building up, 3 founding;
    // 3 were founded before 2010.
    private static List<CohortRound> Cohort(int extra = 0)
    {
        var rounds = new List<CohortRound>();
        void Add(int count, string phase, string region, string founded, decimal overall, int year = 2026)
        {
            for (var i = 0; i < count; i++)
            {
                var id = rounds.Count + 1;
                var result = new RoundResult(overall + i, new() { ["test-umfeld"] = overall }, new() { ["einigkeit"] = overall }, new() { ["innen"] = overall }, id % 2 == 0 ? ["test-ziele-bekannt"] : [], ["test-workshop"]) { Coverage = 1 };
                rounds.Add(new CohortRound(id, id, TestGuides.Wirkung, year, $"{year}-05-{id:00}", false, result,
                    new Dictionary<string, string> { ["phase"] = phase, ["region"] = region, ["gruendung"] = founded }));
            }
        }

        Add(10, "etabliert", "nord", "ab-2010", 70);
        Add(2, "etabliert", "sued", "ab-2010", 60);
        Add(6, "aufbau", "sued", "ab-2010", 50);
        Add(3, "gruendung", "sued", "vor-2010", 30);
        Add(extra, "etabliert", "nord", "ab-2010", 90);
        return rounds;
    }

    public void Dispose() => _f.Dispose();

    private ReleaseControl Control() => new(_f.Database, _f.Clock, Options.Create(new SelfEvalOptions { AnonymityK = 5 }));

    private DashboardBuilder Builder(ReleaseControl? control = null) => new(control ?? Control(), _f.Catalog);

    private Snapshot Publish(IReadOnlyList<CohortRound> rounds)
    {
        using var connection = _f.Database.Open();
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO cohort_snapshots (published_at, published_by, rounds_json) VALUES (@at, 'test', @json) RETURNING id",
            new { at = _f.Clock.GetUtcNow().ToString("O"), json = JsonSerializer.Serialize(rounds) });
        return new Snapshot(id, _f.Clock.GetUtcNow(), rounds);
    }

    private static DashboardQuery Query(Dictionary<string, string>? filters = null, string? split = null, string? compareBy = null, string? a = null, string? b = null) =>
        new(TestGuides.Wirkung, filters ?? [], split, compareBy, a, b);

    [Fact]
    public void All_initiatives_give_figures_with_their_count()
    {
        var model = Builder().Build(Publish(Cohort()), Query());

        Assert.Null(model.Refusal);
        Assert.Equal(21, model.Selected);
        Assert.Equal(21, model.Figures[0].Distribution!.Count);
        Assert.Equal("Gesamt", model.Figures[0].Label);
    }

    [Fact]
    public void A_filter_below_k_is_refused()
    {
        var model = Builder().Build(Publish(Cohort()), Query(new() { ["phase"] = "gruendung" }));

        Assert.Null(model.Selected);
        Assert.Equal(DisclosureDecision.TooFew, model.Refusal);
        Assert.Empty(model.Figures);
        Assert.Empty(model.Weaknesses);
    }

    [Fact]
    public void A_filter_whose_remainder_is_below_k_is_refused_once_the_total_is_released()
    {
        var builder = Builder();
        var snapshot = Publish(Cohort());
        builder.Prerelease(snapshot);

        var model = builder.Build(snapshot, Query(new() { ["gruendung"] = "ab-2010" })); // 18 of 21: the 3 founded before would follow

        Assert.Null(model.Selected);
        Assert.Equal(DisclosureDecision.WouldIsolate, model.Refusal);
    }

    [Fact]
    public void Two_selections_that_differ_by_fewer_than_k_are_never_both_released_for_any_user_or_after_a_restart()
    {
        var snapshot = Publish(Cohort());
        Assert.Equal(12, Builder().Build(snapshot, Query(new() { ["phase"] = "etabliert" })).Selected);

        // Another office user, or the same after a restart: a new control on the same database.
        var second = Builder(Control()).Build(snapshot, Query(new() { ["phase"] = "etabliert", ["region"] = "nord" })); // 10: the 2 in the south would follow

        Assert.Null(second.Selected);
        Assert.Equal(DisclosureDecision.WouldIsolate, second.Refusal);
        Assert.Equal(12, Builder(Control()).Build(snapshot, Query(new() { ["phase"] = "etabliert" })).Selected); // the released one stays available
    }

    [Fact]
    public void A_split_group_that_differs_from_a_released_selection_by_fewer_than_k_is_withheld()
    {
        var snapshot = Publish(Cohort());
        var builder = Builder();
        builder.Build(snapshot, Query(new() { ["phase"] = "etabliert" }));             // 12

        var split = builder.Build(snapshot, Query(split: "region"));                       // nord 10, sued 11

        var north = split.Split.Single(g => g.Group == "nord");
        Assert.Null(north.Count);
        Assert.Equal(DisclosureDecision.WouldIsolate, north.Why);
        Assert.Equal(11, split.Split.Single(g => g.Group == "sued").Count);
    }

    [Fact]
    public void A_split_hides_small_groups_and_enough_others_that_none_follows_from_the_total()
    {
        var model = Builder().Build(Publish(Cohort()), Query(split: "phase"));

        var shown = model.Split.Where(g => g.Count is not null).Select(g => g.Group).ToList();
        Assert.Equal(["etabliert"], shown);  // founding (3) alone would follow from the total, so building up (6) is hidden too
        Assert.All(model.Split.Where(g => g.Count is null), g => Assert.Empty(g.Figures));
    }

    [Fact]
    public void A_comparison_shows_both_groups_only_when_each_is_large_enough()
    {
        var builder = Builder();
        var snapshot = Publish(Cohort());
        var model = builder.Build(snapshot, Query(compareBy: "phase", a: "etabliert", b: "aufbau"));
        var refused = builder.Build(snapshot, Query(compareBy: "phase", a: "etabliert", b: "gruendung"));

        Assert.Equal([12, 6], model.Compare.Select(g => g.Count!.Value));
        Assert.Equal(12, refused.Compare[0].Count);
        Assert.Null(refused.Compare[1].Count);
        Assert.Equal(DisclosureDecision.TooFew, refused.Compare[1].Why);
    }

    [Fact]
    public void Frequencies_are_shares_of_the_selected_initiatives()
    {
        var model = Builder().Build(Publish(Cohort()), Query());

        Assert.Equal(("test-ziele-bekannt", 48), (model.Weaknesses[0].Key, model.Weaknesses[0].Percent));   // 10 of 21
        Assert.Equal(("test-workshop", 100), (model.Needs[0].Key, model.Needs[0].Percent));
        Assert.StartsWith("1.1 Kennen alle die Ziele?", model.Weaknesses[0].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_initiative_counts_once_with_its_latest_round_and_years_use_that_years_rounds()
    {
        var cohort = Cohort();
        var older = cohort[0] with { RoundId = 999, ClosedAt = "2025-01-01", Year = 2025, Result = cohort[0].Result with { Overall = 1 } };
        var model = Builder().Build(Publish([.. cohort, older]), Query());

        Assert.Equal(21, model.Selected);
        Assert.Null(model.Years.Single(y => y.Year == 2025).Overall.Distribution); // one initiative in 2025: below k
        Assert.Equal(21, model.Years.Single(y => y.Year == 2026).Overall.Distribution!.Count);
        Assert.Equal([(2025, (int?)null), (2026, 21)], model.Counts.Select(c => (c.Year, c.Initiatives)));
    }

    [Fact]
    public void A_new_snapshot_with_one_more_initiative_shows_the_earlier_figure_with_its_date()
    {
        var builder = Builder();
        var first = Publish(Cohort());
        var before = builder.Build(first, Query());
        _f.Clock.Advance(TimeSpan.FromDays(31));

        var after = builder.Build(Publish(Cohort(extra: 1)), Query());     // 22: the new one's score would follow

        Assert.Equal(21, after.Selected);
        Assert.Equal(before.Figures[0].Distribution, after.Figures[0].Distribution);
        Assert.Equal(first.PublishedAt, after.Figures[0].Earlier);

        var grown = builder.Build(Publish(Cohort(extra: 5)), Query());     // 26: five new ones, none isolated
        Assert.Equal(26, grown.Selected);
        Assert.Null(grown.Figures[0].Earlier);
    }

    [Fact]
    public void Every_release_is_recorded_with_the_rounds_it_rests_on()
    {
        Builder().Build(Publish(Cohort()), Query(new() { ["phase"] = "etabliert" }));

        using var connection = _f.Database.Open();
        var members = connection.QuerySingle<string>("SELECT members FROM released_figures WHERE cell = 'phase=etabliert' AND measure = 'n'");
        Assert.Equal(string.Join(',', Enumerable.Range(1, 12)), members);
    }
}
