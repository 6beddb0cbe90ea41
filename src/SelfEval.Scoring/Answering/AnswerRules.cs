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

    /// <summary>
    /// Reads a number as a German reader writes it: "2019", "12,5", "1.200", "1.200,5", "12 000"; also "12.5",
    /// since a point followed by other than three digits cannot be a thousands point. Input that reads
    /// differently in German and English ("1,200" is 1,2 here but 1200 there) is refused with a message
    /// instead of guessed, so a count of members is never silently stored a thousand times too small.
    /// </summary>
    public static NumberReading ReadNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var sign = trimmed.StartsWith('-') || trimmed.StartsWith('+') ? trimmed[..1] : "";
        var body = trimmed[sign.Length..];
        var spaced = body.Split([' ', '\u00a0', '\u202f'], StringSplitOptions.None);
        if (spaced.Length > 1)
        {
            // Spaces group thousands ("12 000"); each group after the first has three digits.
            var last = spaced[^1].Split(',')[0];
            if (!Grouped([.. spaced[..^1], last]))
            {
                return NumberReading.NotANumber;
            }

            body = string.Concat(spaced);
        }

        var points = body.Count(c => c == '.');
        var commas = body.Count(c => c == ',');
        string? invariant = null;
        if (points == 0 && commas == 0)
        {
            invariant = body;
        }
        else if (commas == 0)
        {
            var parts = body.Split('.');
            invariant = Grouped(parts) ? string.Concat(parts) // "1.200", "1.000.000": German thousands points
                : points == 1 ? body // "12.5": a decimal point typed by habit
                : null;
        }
        else if (points == 0)
        {
            var parts = body.Split(',');
            if (commas > 1 || (spaced.Length == 1 && Grouped(parts)))
            {
                return NumberReading.Ambiguous(trimmed);
            }

            invariant = parts[0] + "." + parts[1];
        }
        else
        {
            var comma = body.IndexOf(',', StringComparison.Ordinal);
            var whole = body[..comma].Split('.');
            invariant = commas == 1 && comma > body.LastIndexOf('.') && Grouped(whole)
                ? string.Concat(whole) + "." + body[(comma + 1)..] // "1.200,5"
                : null;
            if (invariant is null)
            {
                return NumberReading.Ambiguous(trimmed);
            }
        }

        return invariant is not null
            && invariant.All(c => char.IsAsciiDigit(c) || c == '.')
            && decimal.TryParse(sign + invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) < 1_000_000_000_000m
            ? new NumberReading(value, null)
            : NumberReading.NotANumber;
    }

    /// <summary>Whether the parts are thousands groups: one to three digits not starting with 0, then groups of exactly three.</summary>
    private static bool Grouped(string[] parts) =>
        parts.Length > 1
        && parts[0].Length is >= 1 and <= 3 && parts[0][0] != '0' && parts[0].All(char.IsAsciiDigit)
        && parts.Skip(1).All(p => p.Length == 3 && p.All(char.IsAsciiDigit));

    private static string Thousands(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));

    private static AnswerCheck Fail(string message) => new(null, message);
}

/// <summary>A number read from a form, or the German message that says why it was not.</summary>
public sealed record NumberReading(decimal Value, string? Error)
{
    public const string NotANumberMessage = "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019.";

    public static NumberReading NotANumber { get; } = new(0, NotANumberMessage);

    public static NumberReading Ambiguous(string text) => new(0,
        $"„{text}“ lässt sich als Zahl zweifach lesen. Bitte schreiben Sie Tausender mit Punkt und Nachkommastellen mit Komma, zum Beispiel 1.200 oder 1,5.");
}
