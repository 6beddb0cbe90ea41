using SelfEval.Scoring.Statistics;

namespace SelfEval.Scoring.Tests.Statistics;

public sealed class AnonymityTests
{
    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, 2, 3, 4)]
    [InlineData(new[] { 10.0, 20, 30, 40 }, 17.5, 25, 32.5)]
    [InlineData(new[] { 50.0, 50, 50, 50, 50 }, 50, 50, 50)]
    public void Percentiles_interpolate_between_ranks(double[] values, double p25, double median, double p75)
    {
        var d = Distribution.Of(values.Select(v => (decimal)v).ToList(), k: 3)!;

        Assert.Equal(((decimal)p25, (decimal)median, (decimal)p75), (d.P25, d.Median, d.P75));
        Assert.Null(d.P10); // extremes only from ten values on
    }

    [Fact]
    public void A_distribution_needs_k_values_and_gets_p10_p90_from_ten()
    {
        Assert.Null(Distribution.Of([1m, 2m, 3m, 4m], k: 5));
        var d = Distribution.Of(Enumerable.Range(0, 11).Select(i => i * 10m).ToList(), k: 5)!;
        Assert.Equal((10m, 90m), (d.P10!.Value, d.P90!.Value));
    }

    [Theory]
    [InlineData(20, "unteres Viertel")]
    [InlineData(25, "Mittelfeld")]
    [InlineData(60, "Mittelfeld")]
    [InlineData(75.1, "oberes Viertel")]
    public void A_score_is_placed_against_the_middle_half(double score, string position)
    {
        var d = new Distribution(8, 25m, 50m, 75m, null, null);

        Assert.Equal(position, d.Position((decimal)score));
    }

    // group sizes → groups shown with k = 5
    [Theory]
    [InlineData("a:10 b:8 c:6", "a b c")]
    [InlineData("a:10 b:8 c:3", "a")]           // c alone (3) would follow from the total: b is hidden with it
    [InlineData("a:10 b:8 c:3 d:4", "a b")]    // c and d hidden, together 7 ≥ k
    [InlineData("a:10 b:6 c:1", "a")]           // c alone (1) is computable: the smallest shown (b) goes too
    [InlineData("a:4 b:3", "")]
    [InlineData("a:12 b:0", "a")]
    public void Small_groups_are_hidden_together_with_enough_others_that_none_can_be_computed(string sizes, string shown)
    {
        var groups = sizes.Split(' ').Select(p => p.Split(':')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(shown.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), Anonymity.ShownGroups(groups, 5).Order());
    }

    [Theory]
    [InlineData(4, 40, Anonymity.TooFew)]
    [InlineData(5, 40, null)]
    [InlineData(40, 40, null)]
    [InlineData(38, 40, "Diese Auswahl unterscheidet sich nur um wenige Initiativen von der Gesamtheit; sie wird nicht gezeigt, damit niemand die übrigen herausrechnen kann.")]
    [InlineData(35, 40, null)]
    public void A_selection_needs_k_and_a_remainder_of_zero_or_at_least_k(int selected, int population, string? refusal)
    {
        Assert.Equal(refusal, Anonymity.Refusal(selected, population, 5));
    }

    private static HashSet<long> Ids(int from, int to) => Enumerable.Range(from, to - from + 1).Select(i => (long)i).ToHashSet();

    [Fact]
    public void Two_nested_selections_that_differ_by_fewer_than_k_are_refused()
    {
        var guard = new QueryGuard(5);

        Assert.Null(guard.Check(Ids(1, 20)));
        Assert.NotNull(guard.Check(Ids(1, 17)));   // the three between would follow by difference
        Assert.Null(guard.Check(Ids(1, 15)));      // five apart
        Assert.Null(guard.Check(Ids(1, 20)));      // the same selection again is fine
    }

    [Fact]
    public void Overlapping_selections_are_refused_when_their_symmetric_difference_is_below_k()
    {
        var guard = new QueryGuard(5);

        Assert.Null(guard.Check(Ids(1, 20)));
        Assert.NotNull(guard.Check(Ids(3, 22)));   // differs in 1, 2, 21, 22
        Assert.Null(guard.Check(Ids(6, 30)));      // differs in 15
    }

    [Fact]
    public void Each_guard_remembers_only_its_own_user()
    {
        var anna = new QueryGuard(5);
        var ben = new QueryGuard(5);

        anna.Check(Ids(1, 20));

        Assert.Null(ben.Check(Ids(1, 18)));
    }
}
