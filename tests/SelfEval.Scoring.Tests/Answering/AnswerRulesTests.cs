using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Answering;

public sealed class AnswerRulesTests
{
    private static readonly Questionnaire Mini = Fixtures.Load("minimal.md").Questionnaires.Single();

    private static AnswerCheck Check(string questionId, string[] values, bool notRelevant = false, string? why = null) =>
        AnswerRules.Check(Mini.FindQuestion(questionId)!, new RawAnswer(values, notRelevant, why));

    // question, submitted values, expected answer (as text) or null for "cleared", expected error or null
    public static TheoryData<string, string[], string?, string?> Cases => new()
    {
        { "ziele-gemeinsam", ["2"], "Choice:2", null },
        { "ziele-gemeinsam", ["  4 "], "Choice:4", null },
        { "ziele-gemeinsam", [], null, null },
        { "ziele-gemeinsam", [""], null, null },
        { "ziele-gemeinsam", ["3"], null, "Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten." },
        { "ziele-gemeinsam", ["2", "4"], null, "Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten." },
        { "gruendungsplan", ["teilweise"], "Choice:teilweise", null },
        { "gruendungsplan", ["vielleicht"], null, "Diese Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie eine der angebotenen Antworten." },
        { "phase", ["etabliert"], "Choice:etabliert", null },
        { "themen", ["wasserstoff", "fachkraefte"], "Choices:fachkraefte,wasserstoff", null },
        { "themen", ["wasserstoff", "wasserstoff"], null, "Mindestens eine Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie nur angebotene Antworten." },
        { "themen", ["mobilitaet"], null, "Mindestens eine Antwort gibt es bei dieser Frage nicht. Bitte wählen Sie nur angebotene Antworten." },
        { "gruendungsjahr", ["2019"], "Number:2019", null },
        { "gruendungsjahr", ["2019,0"], "Number:2019.0", null },
        { "gruendungsjahr", ["zwölf"], null, "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019." },
        { "gruendungsjahr", ["1.000.000"], null, "Bitte geben Sie eine Zahl von 1900 bis 2100 ein." },
        { "gruendungsjahr", ["2.019"], "Number:2019", null },
        { "gruendungsjahr", ["1e5"], null, "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 2019." },
        { "gruendungsjahr", ["1850"], null, "Bitte geben Sie eine Zahl von 1900 bis 2100 ein." },
        { "gruendungsjahr", ["2101"], null, "Bitte geben Sie eine Zahl von 1900 bis 2100 ein." },
        { "name", ["Initiative „Süd“"], "Text:Initiative „Süd“", null },
        { "wuensche", ["Mehr\r\nAustausch"], "Text:Mehr\r\nAustausch", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Submitted_values_become_an_answer_or_a_german_message(string question, string[] values, string? answer, string? error)
    {
        var check = Check(question, values);

        Assert.Equal(error, check.Error);
        Assert.Equal(answer, Describe(check.Answer));
    }

    [Theory]
    [InlineData("name", 500, null)]
    [InlineData("name", 501, "Der Text ist zu lang: höchstens 500 Zeichen, Sie haben 501. Bitte kürzen Sie ihn.")]
    [InlineData("wuensche", 4000, null)]
    [InlineData("wuensche", 4001, "Der Text ist zu lang: höchstens 4.000 Zeichen, Sie haben 4.001. Bitte kürzen Sie ihn.")]
    public void Texts_have_a_limit_per_type(string question, int length, string? error)
    {
        Assert.Equal(error, Check(question, [new string('a', length)]).Error);
    }

    [Fact]
    public void Not_relevant_is_accepted_only_where_the_questionnaire_allows_it()
    {
        Assert.Equal(new Answer.NotRelevant("passt nicht"), Check("gruendungsplan", [], notRelevant: true, why: " passt nicht ").Answer);
        Assert.Equal(new Answer.NotRelevant(null), Check("gruendungsplan", ["ja"], notRelevant: true, why: "  ").Answer);
        Assert.Equal("Diese Frage lässt „nicht relevant“ nicht zu. Bitte wählen Sie eine Antwort.", Check("ziele-gemeinsam", [], notRelevant: true).Error);
        Assert.Equal("Die Begründung ist zu lang: höchstens 1.000 Zeichen, Sie haben 1.001.", Check("gruendungsplan", [], true, new string('x', 1001)).Error);
    }

    private static string? Describe(Answer? answer) => answer switch
    {
        null => null,
        Answer.Choice c => "Choice:" + c.Value,
        Answer.Choices m => "Choices:" + string.Join(",", m.Values),
        Answer.Number n => "Number:" + n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Answer.Text t => "Text:" + t.Value,
        _ => answer.ToString(),
    };
}
