namespace SelfEval.Scoring.Statistics;

/// <summary>The smallest number of initiatives any figure may rest on, and how groups are suppressed.</summary>
public static class Anonymity
{
    public const int DefaultK = 5;
    public const int MinimumK = 3;

    /// <summary>
    /// Which groups of a split may be shown. Groups under k are suppressed; if the suppressed groups together
    /// hold fewer than k initiatives, the next smallest groups are suppressed as well, so that no hidden
    /// group can be computed as the total minus the groups shown.
    /// </summary>
    public static IReadOnlySet<string> ShownGroups(IReadOnlyDictionary<string, int> sizes, int k)
    {
        var shown = sizes.Where(g => g.Value >= k).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var hidden = sizes.Where(g => !shown.Contains(g.Key) && g.Value > 0).Sum(g => g.Value);
        while (hidden is > 0 && hidden < k && shown.Count > 0)
        {
            var smallest = shown.OrderBy(g => sizes[g]).ThenBy(g => g, StringComparer.Ordinal).First();
            shown.Remove(smallest);
            hidden += sizes[smallest];
        }

        return shown;
    }
}
