using SelfEval.Web.Data;

namespace SelfEval.Web.Assessments;

/// <summary>
/// When the next round of an assessment may begin: a minimum number of calendar days (in Berlin) after the
/// current round began. Rounds are yearly stock-takings; starting dozens in a row only floods the comparison.
/// </summary>
public static class RoundSchedule
{
    public static DateOnly EarliestNextStart(RoundRecord current, int minimumDays) =>
        Date(Time.Parse(current.CreatedAt) ?? DateTimeOffset.MinValue).AddDays(minimumDays);

    public static bool MayStartNext(RoundRecord current, int minimumDays, DateTimeOffset now) =>
        Date(now) >= EarliestNextStart(current, minimumDays);

    private static DateOnly Date(DateTimeOffset moment) => Time.BerlinDate(moment);
}
