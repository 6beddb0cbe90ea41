namespace SelfEval.Scoring.Statistics;

/// <summary>The smallest number of initiatives any figure may rest on, and how groups are suppressed.</summary>
public static class Anonymity
{
    public const int DefaultK = 5;
    public const int MinimumK = 3;

    public const string TooFew = "zu wenige Initiativen für eine anonyme Auswertung";

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

    /// <summary>
    /// Whether a selection of initiatives out of a population may be shown: it needs k members, and the
    /// rest of the population must be empty or hold k as well (else the rest follows by difference).
    /// </summary>
    public static string? Refusal(int selected, int population, int k)
    {
        if (selected < k)
        {
            return TooFew;
        }

        var rest = population - selected;
        return rest > 0 && rest < k
            ? "Diese Auswahl unterscheidet sich nur um wenige Initiativen von der Gesamtheit; sie wird nicht gezeigt, damit niemand die übrigen herausrechnen kann."
            : null;
    }
}

/// <summary>
/// Remembers the selections a user has seen and refuses one that differs from an earlier one by fewer
/// than k initiatives: two overlapping filters would otherwise reveal the few between them.
/// </summary>
public sealed class QueryGuard(int k, int memory = 500)
{
    private readonly List<HashSet<long>> _seen = [];
    private readonly object _lock = new();

    public string? Check(IReadOnlySet<long> selection)
    {
        lock (_lock)
        {
            foreach (var earlier in _seen)
            {
                // The symmetric difference: for nested selections it is exactly the group one could compute.
                var difference = earlier.Count(id => !selection.Contains(id)) + selection.Count(id => !earlier.Contains(id));
                if (difference > 0 && difference < k)
                {
                    return "Diese Auswahl unterscheidet sich nur um wenige Initiativen von einer, die Sie bereits angesehen haben. Aus beiden zusammen ließen sich einzelne Initiativen herausrechnen; sie wird deshalb nicht gezeigt.";
                }
            }

            if (!_seen.Any(s => s.SetEquals(selection)))
            {
                _seen.Add([.. selection]);
                if (_seen.Count > memory)
                {
                    _seen.RemoveAt(0);
                }
            }

            return null;
        }
    }
}
