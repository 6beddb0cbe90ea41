using System.Globalization;
using SelfEval.Scoring.Answering;

namespace SelfEval.Scoring.Tests.Answering;

/// <summary>Numbers as German readers type them: a thousands point is never taken for a decimal point.</summary>
public sealed class NumberReadingTests
{
    private const string NotANumber = "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019.";

    private static string Ambiguous(string text) =>
        $"„{text}“ lässt sich als Zahl zweifach lesen. Bitte schreiben Sie Tausender mit Punkt und Nachkommastellen mit Komma, zum Beispiel 1.200 oder 1,5.";

    // typed, stored value (invariant) or null, message or null
    public static TheoryData<string, string?, string?> Cases => new()
    {
        { "1.200", "1200", null },
        { "1.200,5", "1200.5", null },
        { "12.000", "12000", null },
        { "1.000.000", "1000000", null },
        { "12 000", "12000", null },
        { "1 200,5", "1200.5", null },
        { "12\u00a0000", "12000", null },
        { " 2019 ", "2019", null },
        { "12,5", "12.5", null },
        { "12.5", "12.5", null },
        { "1,25", "1.25", null },
        { "0,125", "0.125", null },
        { "0.125", "0.125", null },
        { "2019,0", "2019.0", null },
        { "-1.200", "-1200", null },
        { "+7", "7", null },
        { "1,200", null, Ambiguous("1,200") },
        { "1,200,000", null, Ambiguous("1,200,000") },
        { "1,200.5", null, Ambiguous("1,200.5") },
        { "1.2.3", null, NotANumber },
        { "12.00.0", null, NotANumber },
        { "1 20", null, NotANumber },
        { "1e5", null, NotANumber },
        { "zwölf", null, NotANumber },
        { "1.000.000.000.000", null, NotANumber },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_typed_number_is_read_the_german_way_or_refused_with_a_message(string typed, string? value, string? error)
    {
        var reading = AnswerRules.ReadNumber(typed);

        Assert.Equal(error, reading.Error);
        if (value is not null)
        {
            Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), reading.Value);
        }
    }
}
