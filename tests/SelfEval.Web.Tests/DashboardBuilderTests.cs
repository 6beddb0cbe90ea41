using SelfEval.Scoring.Statistics;
using SelfEval.Web.Office;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests;

/// <summary>The k rules on a cohort built by hand, where every group size is known.</summary>
public sealed class DashboardBuilderTests
{
    private static readonly QuestionnaireCatalog Catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);

    // 21 initiatives with "Wirkung entfalten": 12 established (10 in the west, 2 in the east), 6 building up, 3 founding.
    private static readonly List<CohortRound> Cohort = Build();

    private static List<CohortRound> Build()
    {
        var rounds = new List<CohortRound>();
        void Add(int count, string phase, string region, string radius, decimal overall)
        {
            for (var i = 0; i < count; i++)
            {
                var id = rounds.Count + 1;
                var result = new RoundResult(overall + i, new() { ["stakeholder-zielgruppen"] = overall }, new() { ["einigkeit"] = overall }, new() { ["innen"] = overall }, id % 2 == 0 ? ["stakeholder-ueberblick"] : [], ["webinar"]);
                rounds.Add(new CohortRound(id, id, "wirkung-entfalten", 2026, $"2026-05-{id:00}", false, result,
                    new Dictionary<string, string> { ["phase"] = phase, ["region"] = region, ["radius"] = radius }));
            }
        }

        Add(10, "etabliert", "west", "regional", 70);
        Add(2, "etabliert", "ost", "regional", 60);
        Add(6, "aufbau", "ost", "regional", 50);
        Add(3, "gruendung", "ost", "lokal", 30);
        return rounds;
    }

    private static DashboardModel Query(QueryGuard guard, Dictionary<string, string>? filters = null, string? split = null, string? compareBy = null, string? a = null, string? b = null) =>
        DashboardBuilder.Build(Cohort, new DashboardQuery("wirkung-entfalten", filters ?? [], split, compareBy, a, b), Catalog, 5, guard);

    [Fact]
    public void All_initiatives_give_figures_with_their_count()
    {
        var model = Query(new QueryGuard(5));

        Assert.Null(model.Refusal);
        Assert.Equal(21, model.Selected);
        Assert.Equal(21, model.Figures[0].Distribution!.Count);
        Assert.Equal("Gesamt", model.Figures[0].Label);
    }

    [Fact]
    public void A_filter_below_k_is_refused()
    {
        var model = Query(new QueryGuard(5), new() { ["phase"] = "gruendung" });

        Assert.Equal(Anonymity.TooFew, model.Refusal);
        Assert.Empty(model.Figures);
        Assert.Empty(model.Weaknesses);
    }

    [Fact]
    public void A_filter_whose_remainder_is_below_k_is_refused_as_a_complement()
    {
        var model = Query(new QueryGuard(5), new() { ["radius"] = "regional" }); // 18 of 21: the 3 local ones would follow

        Assert.StartsWith("Diese Auswahl unterscheidet sich nur um wenige Initiativen von der Gesamtheit", model.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_filter_that_differs_from_the_first_by_fewer_than_k_is_refused()
    {
        var guard = new QueryGuard(5);

        Assert.Null(Query(guard, new() { ["phase"] = "etabliert" }).Refusal);                         // 12
        var second = Query(guard, new() { ["phase"] = "etabliert", ["region"] = "west" });           // 10: the 2 in the east would follow

        Assert.StartsWith("Diese Auswahl unterscheidet sich nur um wenige Initiativen von einer, die Sie bereits angesehen haben", second.Refusal, StringComparison.Ordinal);
        Assert.Null(Query(new QueryGuard(5), new() { ["phase"] = "etabliert", ["region"] = "west" }).Refusal); // alone it is fine
    }

    [Fact]
    public void A_split_hides_small_groups_and_enough_others_that_none_follows_from_the_total()
    {
        var model = Query(new QueryGuard(5), split: "phase");

        var shown = model.Split.Where(g => g.Count is not null).Select(g => g.Group).ToList();
        Assert.Equal(["etabliert"], shown);  // founding (3) alone would follow from the total, so building up (6) is hidden too
        Assert.All(model.Split.Where(g => g.Count is null), g => Assert.Empty(g.Figures));
    }

    [Fact]
    public void A_comparison_shows_both_groups_only_when_each_is_large_enough()
    {
        var model = Query(new QueryGuard(5), compareBy: "phase", a: "etabliert", b: "aufbau");
        var refused = Query(new QueryGuard(5), compareBy: "phase", a: "etabliert", b: "gruendung");

        Assert.Equal([12, 6], model.Compare.Select(g => g.Count!.Value));
        Assert.Equal(12, refused.Compare[0].Count);
        Assert.Null(refused.Compare[1].Count);
        Assert.Equal(Anonymity.TooFew, refused.Compare[1].Refusal);
    }

    [Fact]
    public void Frequencies_are_shares_of_the_selected_initiatives()
    {
        var model = Query(new QueryGuard(5));

        Assert.Equal(("stakeholder-ueberblick", 48), (model.Weaknesses[0].Key, model.Weaknesses[0].Percent));   // 10 of 21
        Assert.Equal(("webinar", 100), (model.Needs[0].Key, model.Needs[0].Percent));
        Assert.StartsWith("1.", model.Weaknesses[0].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_initiative_counts_once_with_its_latest_round()
    {
        var older = Cohort[0] with { RoundId = 999, ClosedAt = "2025-01-01", Year = 2025, Result = Cohort[0].Result with { Overall = 1 } };
        var model = DashboardBuilder.Build([.. Cohort, older], new DashboardQuery("wirkung-entfalten", new Dictionary<string, string>()), Catalog, 5, new QueryGuard(5));

        Assert.Equal(21, model.Selected);
        Assert.Null(model.Years.Single(y => y.Year == 2025).Overall); // one initiative in 2025: below k
        Assert.Equal(21, model.Years.Single(y => y.Year == 2026).Overall!.Count);
    }
}
