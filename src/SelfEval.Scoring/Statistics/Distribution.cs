namespace SelfEval.Scoring.Statistics;

/// <summary>
/// Percentiles of a group's scores. No minimum or maximum: with few initiatives the extremes are one
/// initiative's own score. P10 and P90 only from 10 values on, for the same reason.
/// </summary>
public sealed record Distribution(int Count, decimal P25, decimal Median, decimal P75, decimal? P10, decimal? P90)
{
    public static Distribution? Of(IReadOnlyCollection<decimal> values, int k)
    {
        if (values.Count < k || values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return new Distribution(
            sorted.Length,
            Percentile(sorted, 0.25m),
            Percentile(sorted, 0.5m),
            Percentile(sorted, 0.75m),
            sorted.Length >= 10 ? Percentile(sorted, 0.1m) : null,
            sorted.Length >= 10 ? Percentile(sorted, 0.9m) : null);
    }

    /// <summary>Linear interpolation between closest ranks (the method spreadsheets call PERCENTILE.INC).</summary>
    public static decimal Percentile(IReadOnlyList<decimal> sorted, decimal p)
    {
        var position = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        var value = sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
        return Math.Round(value, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Where a score lies against the band of comparable initiatives.</summary>
    public QuartilePosition Position(decimal score) => score < P25 ? QuartilePosition.Lower : score > P75 ? QuartilePosition.Upper : QuartilePosition.Middle;
}

/// <summary>Below the middle half, inside it, or above it.</summary>
public enum QuartilePosition
{
    Lower,
    Middle,
    Upper,
}
