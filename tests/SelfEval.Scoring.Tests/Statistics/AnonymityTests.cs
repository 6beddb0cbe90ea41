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
    [InlineData(20, QuartilePosition.Lower)]
    [InlineData(25, QuartilePosition.Middle)]
    [InlineData(60, QuartilePosition.Middle)]
    [InlineData(75.1, QuartilePosition.Upper)]
    public void A_score_is_placed_against_the_middle_half(double score, QuartilePosition position)
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

    private static MemberSet Ids(int from, int to) => new(Enumerable.Range(from, to - from + 1).Select(i => (long)i));

    [Theory]
    [InlineData(1, 20, 1, 20, 0)]
    [InlineData(1, 20, 1, 17, 3)]    // nested: the three between
    [InlineData(1, 20, 3, 22, 4)]    // overlapping: 1, 2, 21, 22
    [InlineData(1, 5, 6, 10, 10)]    // disjoint
    public void The_difference_of_two_sets_counts_the_rounds_in_exactly_one(int a1, int a2, int b1, int b2, int expected)
    {
        Assert.Equal(expected, Ids(a1, a2).DifferenceTo(Ids(b1, b2)));
        Assert.Equal(expected, Ids(b1, b2).DifferenceTo(Ids(a1, a2)));
    }

    [Theory]
    [InlineData(1, 4, DisclosureDecision.TooFew)]         // four rounds: below k
    [InlineData(1, 20, DisclosureDecision.Release)]       // the same set again releases the same numbers
    [InlineData(1, 17, DisclosureDecision.WouldIsolate)]  // the three between would follow by difference
    [InlineData(1, 21, DisclosureDecision.WouldIsolate)]  // one more: its score would follow
    [InlineData(1, 15, DisclosureDecision.Release)]       // five apart
    [InlineData(3, 22, DisclosureDecision.WouldIsolate)]  // overlapping, four apart
    [InlineData(6, 30, DisclosureDecision.Release)]       // fifteen apart
    public void A_figure_is_released_only_with_k_rounds_and_never_one_to_k_minus_one_away_from_a_released_one(int from, int to, DisclosureDecision expected)
    {
        Assert.Equal(expected, DisclosureRule.Decide(Ids(from, to), [Ids(1, 20), Ids(100, 140)], k: 5));
    }

    [Fact]
    public void A_set_is_stored_as_text_and_read_back_equal()
    {
        var set = new MemberSet([42, 7, 7, 1000]);

        Assert.Equal("7,42,1000", set.Serialize());
        Assert.Equal(set, MemberSet.Parse(set.Serialize()));
        Assert.Equal(MemberSet.Empty, MemberSet.Parse(string.Empty));
        Assert.True(set.Contains(42));
        Assert.False(set.Contains(8));
    }
}
