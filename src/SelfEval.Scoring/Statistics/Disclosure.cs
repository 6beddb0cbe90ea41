using System.Globalization;

namespace SelfEval.Scoring.Statistics;

/// <summary>
/// The initiatives a released figure rests on, as sorted pseudonymous member ids (the comparison code an
/// initiative joined with, never anything that names it).
/// </summary>
public sealed class MemberSet : IEquatable<MemberSet>
{
    private readonly long[] _ids;

    public MemberSet(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        _ids = ids.Distinct().Order().ToArray();
    }

    public static MemberSet Empty { get; } = new([]);

    public int Count => _ids.Length;

    public IReadOnlyList<long> Ids => _ids;

    public bool Contains(long id) => Array.BinarySearch(_ids, id) >= 0;

    /// <summary>How many initiatives are in exactly one of the two sets: what differencing the two figures could isolate.</summary>
    public int DifferenceTo(MemberSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0, j = 0, difference = 0;
        var a = _ids;
        var b = other._ids;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                difference++;
                i++;
            }
            else
            {
                difference++;
                j++;
            }
        }

        return difference + (a.Length - i) + (b.Length - j);
    }

    public string Serialize() => string.Join(',', _ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static MemberSet Parse(string text) =>
        new(string.IsNullOrEmpty(text) ? [] : text.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)));

    public bool Equals(MemberSet? other) => other is not null && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => Equals(obj as MemberSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in _ids)
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }
}

/// <summary>What the disclosure rule decides for one figure.</summary>
public enum DisclosureDecision
{
    /// <summary>It may be released: k or more initiatives, and no released figure of the same measure differs from it by 1 to k−1.</summary>
    Release,

    /// <summary>Fewer than k initiatives.</summary>
    TooFew,

    /// <summary>Together with a figure already released it would isolate fewer than k initiatives.</summary>
    WouldIsolate,
}

/// <summary>
/// The rule every released number obeys: it rests on at least k initiatives, and no two figures of one
/// measure ever released — to any user, at any time — have sets that differ by 1 to k−1 initiatives
/// (symmetric difference). Equal sets are fine: they release the same numbers again.
/// </summary>
public static class DisclosureRule
{
    public static DisclosureDecision Decide(MemberSet candidate, IEnumerable<MemberSet> released, int k)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(released);
        if (candidate.Count < k)
        {
            return DisclosureDecision.TooFew;
        }

        foreach (var earlier in released)
        {
            var difference = candidate.DifferenceTo(earlier);
            if (difference > 0 && difference < k)
            {
                return DisclosureDecision.WouldIsolate;
            }
        }

        return DisclosureDecision.Release;
    }
}
