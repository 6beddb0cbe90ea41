using System.Runtime.CompilerServices;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;

namespace SelfEval.Web.Questionnaires;

/// <summary>The time a guide takes, as every page says it: computed from its questions, worked out once per loaded version.</summary>
public static class GuideDuration
{
    private static readonly ConditionalWeakTable<Questionnaire, TimeRange> Ranges = new();

    public static TimeRange Of(Questionnaire guide) => Ranges.GetValue(guide, TimeEstimate.Range);

    /// <summary>"etwa 25–30 Minuten, je nach Ihren Angaben", or "etwa 25 Minuten" when the answers hardly matter.</summary>
    public static string Text(Questionnaire guide)
    {
        var range = Of(guide);
        return range.FromMinutes == range.ToMinutes
            ? $"etwa {range.FromMinutes} Minuten"
            : $"etwa {range.FromMinutes}–{range.ToMinutes} Minuten, je nach Ihren Angaben";
    }
}
