using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Tests;

/// <summary>The one place the profile's sentences come from: the model's numbers and enums, worded.</summary>
public sealed class ProfileTextsTests
{
    private static readonly ChoiceRef Selten = new("selten", "1");
    private static readonly ChoiceRef Oft = new("oft", "3");

    public static TheoryData<AnswerSummary, string> Answers => new()
    {
        { new(AnswerState.DontKnowOnly, null, 0, null, null, 0, 1, false), "weiß nicht" },
        { new(AnswerState.DontKnowOnly, null, 0, null, null, 0, 2, true), "2× weiß nicht" },
        { new(AnswerState.DontKnowOnly, null, 0, null, null, 1, 1, true), "1× weiß nicht, 1× nicht relevant" },
        { new(AnswerState.Unanswered, null, 0, null, null, 0, 1, true), "nicht beantwortet, 1× weiß nicht" },
        { new(AnswerState.Answered, 50m, 2, Selten, Oft, 0, 1, true), "Mittel 50 · 2 Antworten, von „1 – selten“ bis „3 – oft“, 1× weiß nicht" },
        { new(AnswerState.Answered, 75m, 1, Selten, Selten, 1, 1, true), "Mittel 75 · 1 Antwort, alle „1 – selten“, 1× nicht relevant, 1× weiß nicht" },
        { new(AnswerState.Answered, 62.5m, 2, new("manchmal", "2"), Oft, 1, 0, true), "Mittel 63 · 2 Antworten, von „2 – manchmal“ bis „3 – oft“, 1× nicht relevant" },
        { new(AnswerState.Answered, 75m, 1, Selten, Selten, 0, 0, false), "1 – selten" },
        { new(AnswerState.Answered, 100m, 1, new("Ja", null), new("Ja", null), 0, 0, false), "Ja" },
        { new(AnswerState.NotRelevant, null, 0, null, null, 2, 0, true), "nicht relevant für unsere Ziele" },
        { new(AnswerState.NotAsked, null, 0, null, null, 0, 0, true), "nicht gefragt" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_summary_is_worded_in_the_guides_words(AnswerSummary answer, string expected) =>
        Assert.Equal(expected, ProfileTexts.Answer(answer));

    [Theory]
    [InlineData(Urgency.High, "hoch")]
    [InlineData(Urgency.Medium, "mittel")]
    [InlineData(Urgency.Low, "niedrig")]
    public void Urgencies_are_worded_here(Urgency urgency, string expected) => Assert.Equal(expected, ProfileTexts.Urgency(urgency));

    [Theory]
    [InlineData(QuartilePosition.Lower, "unteres Viertel")]
    [InlineData(QuartilePosition.Middle, "Mittelfeld")]
    [InlineData(QuartilePosition.Upper, "oberes Viertel")]
    public void Quartile_positions_are_worded_here(QuartilePosition position, string expected) => Assert.Equal(expected, ProfileTexts.Position(position));

    [Theory]
    [InlineData(68.4, true, "Fortgeschritten", "68 · Fortgeschritten")]
    [InlineData(68.5, true, null, "69 von 100")]
    [InlineData(40, false, null, "nicht bewertbar")]
    public void A_score_line_shows_the_whole_number_and_its_band(double value, bool assessable, string? band, string expected)
    {
        var line = new ScoreLine("x", "X", (decimal)value, assessable, band, assessable ? 1 : 0.2m);

        Assert.Equal(expected, ProfileTexts.ValueAndBand(line));
    }

    [Fact]
    public void The_sentences_quote_the_methods_thresholds_not_literals()
    {
        var team = new TeamAgreement(80m, [], []);

        Assert.Contains($"{Method.DiscussFromSteps} Skalenstufen", ProfileTexts.DiscussIntro(team), StringComparison.Ordinal);
        Assert.Contains($"unter {Method.WeaknessBelow:0}", ProfileTexts.OffersIntro(Report(Spread.Uneven)), StringComparison.Ordinal);
        Assert.Contains($"um {Method.OutlierMargin:0} Punkte", ProfileTexts.StrengthsIntro(Report(Spread.Even)), StringComparison.Ordinal);
        Assert.Contains($"mindestens {Method.MinItemsForLists} bewertete Fragen", ProfileTexts.WeaknessesIntro(Report(Spread.TooFewAnswers)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_even_profile_says_so_instead_of_an_empty_list()
    {
        var text = ProfileTexts.StrengthsIntro(Report(Spread.Even) with { ItemMean = 92m });

        Assert.Equal("Ihre Antworten liegen nah beieinander (Durchschnitt 92): Keine Frage weicht um 15 Punkte oder mehr davon ab. Die Abschnitte oben zeigen, wo Sie insgesamt stehen.", text);
    }

    [Fact]
    public void An_empty_profile_says_it_is_empty_not_that_all_is_well()
    {
        var empty = Report(Spread.TooFewAnswers) with { ItemMean = null };

        Assert.Equal("Es ist noch keine bewertete Frage beantwortet; Angebote ergeben sich aus Ihren Antworten.", ProfileTexts.OffersIntro(empty));
        Assert.StartsWith("Es sind noch zu wenige Fragen beantwortet", ProfileTexts.StrengthsIntro(empty), StringComparison.Ordinal);
        Assert.Equal("Für einen Gesamtwert wurden zu wenige Fragen beantwortet.", ProfileTexts.OverallSentence(empty));
    }

    [Theory]
    [InlineData("Sich gut aufstellen", "Industrie-Initiative Mustertal e. V.", "Ergebnisprofil-Sich-gut-aufstellen-Industrie-Initiative-Mustertal-e-V-2026-12-01.pdf")]
    [InlineData("Wirkung entfalten", "Bündnis für Industrie – Nord/Süd", "Ergebnisprofil-Wirkung-entfalten-Buendnis-fuer-Industrie-Nord-Sued-2026-12-01.pdf")]
    [InlineData("Wirkung entfalten", "???", "Ergebnisprofil-Wirkung-entfalten-Initiative-2026-12-01.pdf")]
    public void The_file_name_carries_guide_initiative_and_date(string guide, string initiative, string expected)
    {
        var header = new ProfileHeader(initiative, guide, null, "2.0", "abc", new DateOnly(2026, 12, 1), 1, 3, false);

        Assert.Equal(expected, ProfileTexts.FileName(header, "pdf"));
    }

    private static ProfileReport Report(Spread spread) => new(
        new ProfileHeader("I", "G", null, "1", "h", new DateOnly(2026, 12, 1), 1, 1, false),
        new ScoreLine("gesamt", "Gesamt", null, false, null, 0), null, [], [], [], [], [], [], null, null, [], null, string.Empty, 0)
    {
        Spread = spread,
        ItemMean = 60m,
    };
}
