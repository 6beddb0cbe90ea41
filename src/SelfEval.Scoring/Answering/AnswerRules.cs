using System.Globalization;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Scoring.Answering;

/// <summary>What a form field held, before it was checked.</summary>
/// <param name="Values">The submitted values (several for multi questions, usually one otherwise).</param>
/// <param name="NotRelevant">The person chose "nicht relevant für unsere Ziele".</param>
/// <param name="Justification">The optional reason given with "nicht relevant".</param>
/// <param name="DontKnow">The person chose "weiß nicht".</param>
public sealed record RawAnswer(IReadOnlyList<string> Values, bool NotRelevant, string? Justification, bool DontKnow = false)
{
    public bool IsEmpty => !NotRelevant && !DontKnow && Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>Either a valid answer (or null for "cleared") or a German message for the person.</summary>
public sealed record AnswerCheck(Answer? Answer, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Turns submitted form values into answers, with limits that protect the database and messages a
/// person can act on. Anything not offered by the questionnaire (a tampered form) is refused.
/// </summary>
public static class AnswerRules
{
    public const int TextLimit = 500;
    public const int LongTextLimit = 4000;
    public const int JustificationLimit = 1000;

    public static AnswerCheck Check(Question question, RawAnswer raw)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.DontKnow)
        {
            if (!question.AllowsDontKnow)
            {
                return Fail("Diese Frage lässt „weiß nicht“ nicht zu. Bitte wählen Sie eine Antwort.");
            }

            // Only a tampered form sends both: the page offers them as alternatives.
            return raw.NotRelevant
                ? Fail("Bitte wählen Sie entweder „weiß nicht“ oder „nicht relevant“, nicht beides.")
                : new AnswerCheck(new Answer.DontKnow(), null);
        }

        if (raw.NotRelevant)
        {
            if (!question.AllowsNotRelevant)
            {
                return Fail("Diese Frage lässt „nicht relevant“ nicht zu. Bitte wählen Sie eine Antwort.");
            }

            var why = raw.Justification?.Trim();
            if (why is { Length: > JustificationLimit })
            {
                return Fail($"Die Begründung ist zu lang: höchstens {Thousands(JustificationLimit)} Zeichen, Sie haben {Thousands(why.Length)}.");
            }

            return new AnswerCheck(new Answer.NotRelevant(string.IsNullOrEmpty(why) ? null : why), null);
        }

        var values = raw.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        return values.Count == 0 ? new AnswerCheck(null, null) : question.Kind().Check(question, values);
    }

    /// <summary>
    /// Whether a stored answer is one the question's form could have produced: an answer from an older
    /// version (an option since removed, a number outside new limits, "weiß nicht" no longer offered)
    /// does not, so it neither counts as answered nor travels into the next round.
    /// </summary>
    public static bool Fits(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        var raw = answer is Answer.NotRelevant n ? new RawAnswer([], true, n.Justification)
            : answer is Answer.DontKnow ? new RawAnswer([], false, null, DontKnow: true)
            : question.Kind().FormValues(answer) is { } values ? new RawAnswer(values, false, null)
            : null;
        return raw is not null && Check(question, raw) is { IsValid: true, Answer: not null };
    }

    /// <summary>Accepts "2019", "12,5" and "12.5"; thousands separators are refused rather than guessed.</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var normalised = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && Math.Abs(value) < 1_000_000_000_000m;
    }

    private static string Thousands(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));

    private static AnswerCheck Fail(string message) => new(null, message);
}
