using System.Globalization;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Answering;

/// <summary>What a form field held, before it was checked.</summary>
/// <param name="Values">The submitted values (several for multi questions, usually one otherwise).</param>
/// <param name="NotRelevant">The person chose "nicht relevant für unsere Ziele".</param>
/// <param name="Justification">The optional reason given with "nicht relevant".</param>
public sealed record RawAnswer(IReadOnlyList<string> Values, bool NotRelevant, string? Justification)
{
    public bool IsEmpty => !NotRelevant && Values.All(string.IsNullOrWhiteSpace);
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
        if (values.Count == 0)
        {
            return new AnswerCheck(null, null);
        }

        switch (question.Type)
        {
            case QuestionType.Scale or QuestionType.YesNo or QuestionType.Single:
                if (values.Count > 1 || question.FindOption(values[0]) is null)
                {
                    return Fail("Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten.");
                }

                return new AnswerCheck(new Answer.Choice(values[0]), null);

            case QuestionType.Multi:
                if (values.Any(v => question.FindOption(v) is null) || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
                {
                    return Fail("Mindestens eine Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie nur angebotene Antworten.");
                }

                // Kept in the questionnaire's order, so the same choice always reads the same.
                return new AnswerCheck(new Answer.Choices(question.Options.Select(o => o.Value).Where(values.Contains).ToArray()), null);

            case QuestionType.Number:
                if (values.Count > 1 || !TryParseNumber(values[0], out var number))
                {
                    return Fail("Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019.");
                }

                if (question.Min is { } min && number < min || question.Max is { } max && number > max)
                {
                    return Fail($"Bitte geben Sie eine Zahl von {Format(question.Min)} bis {Format(question.Max)} ein.");
                }

                return new AnswerCheck(new Answer.Number(number), null);

            default:
                var text = string.Join("\n", values);
                var limit = question.Type == QuestionType.LongText ? LongTextLimit : TextLimit;
                if (text.Length > limit)
                {
                    return Fail($"Der Text ist zu lang: höchstens {Thousands(limit)} Zeichen, Sie haben {Thousands(text.Length)}. Bitte kürzen Sie ihn.");
                }

                return new AnswerCheck(new Answer.Text(text), null);
        }
    }

    /// <summary>
    /// Whether a stored answer is one the question's form could have produced: an answer from an older
    /// version (an option since removed, a number outside new limits) does not, so it neither counts
    /// as answered nor travels into the next round.
    /// </summary>
    public static bool Fits(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        RawAnswer? raw = answer switch
        {
            Answer.NotRelevant n => new RawAnswer([], true, n.Justification),
            Answer.Choice c when question.Type is QuestionType.Scale or QuestionType.YesNo or QuestionType.Single => new RawAnswer([c.Value], false, null),
            Answer.Choices m when question.Type is QuestionType.Multi => new RawAnswer(m.Values, false, null),
            Answer.Number n when question.Type is QuestionType.Number => new RawAnswer([n.Value.ToString(CultureInfo.InvariantCulture)], false, null),
            Answer.Text t when question.Type is QuestionType.Text or QuestionType.LongText => new RawAnswer([t.Value], false, null),
            _ => null,
        };
        return raw is not null && Check(question, raw) is { IsValid: true, Answer: not null };
    }

    /// <summary>Accepts "2019", "12,5" and "12.5"; thousands separators are refused rather than guessed.</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var normalised = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && Math.Abs(value) < 1_000_000_000_000m;
    }

    private static string Format(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("de-DE")) ?? "…";

    private static string Thousands(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));

    private static AnswerCheck Fail(string message) => new(null, message);
}
