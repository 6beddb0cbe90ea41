using System.Text.Json;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Model.Kinds;

namespace SelfEval.Scoring.Tests.Model;

public sealed class QuestionKindTests
{
    private static readonly Questionnaire Mini = Fixtures.Load("minimal.md").Questionnaires.Single();

    private static Question Q(string id) => Mini.FindQuestion(id)!;

    [Fact]
    public void Every_question_type_has_exactly_one_kind_found_by_type_and_by_name()
    {
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            var kind = QuestionKinds.For(type);
            Assert.Equal(type, kind.Type);
            Assert.Same(kind, QuestionKinds.ByName(kind.Name));
            Assert.Equal(ModelNames.Types[kind.Name], type);
        }

        Assert.Equal(Enum.GetValues<QuestionType>().Length, QuestionKinds.All.Count);
        Assert.Null(QuestionKinds.ByName("Scale"));
    }

    // The stored value_json must stay byte for byte what release 1.0.0 wrote (the upgrade tests read its answers).
    public static TheoryData<string, Answer, string> JsonCases => new()
    {
        { "ziele-gemeinsam", new Answer.Choice("4"), "\"4\"" },
        { "gruendungsplan", new Answer.Choice("teilweise"), "\"teilweise\"" },
        { "phase", new Answer.Choice("etabliert"), "\"etabliert\"" },
        { "themen", new Answer.Choices(["fachkraefte", "wasserstoff"]), "[\"fachkraefte\",\"wasserstoff\"]" },
        { "gruendungsjahr", new Answer.Number(2019.5m), "2019.5" },
        { "name", new Answer.Text("Initiative „Süd“"), "\"Initiative \\u201ES\\u00FCd\\u201C\"" },
        { "wuensche", new Answer.Text("Mehr\nAustausch"), "\"Mehr\\nAustausch\"" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public void An_answer_is_stored_as_before_and_reads_back_the_same(string question, Answer answer, string json)
    {
        var kind = QuestionKinds.For(Q(question).Type);

        Assert.Equal(json, kind.ToJson(answer));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(Describe(answer), Describe(kind.FromJson(doc.RootElement)));
    }

    [Theory]
    [InlineData("ziele-gemeinsam", "[\"4\"]")]
    [InlineData("themen", "\"wasserstoff\"")]
    [InlineData("gruendungsjahr", "\"2019\"")]
    [InlineData("name", "12")]
    public void A_stored_value_of_another_shape_reads_as_no_answer(string question, string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Null(QuestionKinds.For(Q(question).Type).FromJson(doc.RootElement));
    }

    [Theory]
    [InlineData("ziele-gemeinsam", "4", 4.0)]
    [InlineData("ziele-gemeinsam", "0", 0.0)]
    [InlineData("gruendungsplan", "teilweise", 1.0)]
    [InlineData("ziele-gemeinsam", "3", null)]
    public void Scored_kinds_give_the_points_of_the_chosen_option(string question, string value, double? points)
    {
        var q = Q(question);
        Assert.Equal(points is null ? null : (decimal)points, QuestionKinds.For(q.Type).Points(q, new Answer.Choice(value)));
        Assert.Null(QuestionKinds.For(q.Type).Points(q, new Answer.DontKnow()));
    }

    [Fact]
    public void Export_cells_are_the_stored_values_in_plain_text_and_numbers_stay_numbers()
    {
        Assert.Equal("4", QuestionKinds.For(QuestionType.Scale).ExportCell(new Answer.Choice("4")));
        Assert.Equal("fachkraefte|wasserstoff", QuestionKinds.For(QuestionType.Multi).ExportCell(new Answer.Choices(["fachkraefte", "wasserstoff"])));
        Assert.Equal(12.5m, QuestionKinds.For(QuestionType.Number).ExportCell(new Answer.Number(12.5m)));
        Assert.Equal("frei", QuestionKinds.For(QuestionType.LongText).ExportCell(new Answer.Text("frei")));
    }

    [Fact]
    public void Weiss_nicht_is_accepted_only_where_the_question_offers_it()
    {
        var plan = Q("gruendungsplan");
        var raw = new RawAnswer([], NotRelevant: false, Justification: null, DontKnow: true);

        Assert.Equal(new Answer.DontKnow(), AnswerRules.Check(plan with { AllowsDontKnow = true }, raw).Answer);
        Assert.Equal(new Answer.DontKnow(), AnswerRules.Check(Q("gruendungsjahr") with { AllowsDontKnow = true }, raw).Answer);
        Assert.Equal("Diese Frage lässt „weiß nicht“ nicht zu. Bitte wählen Sie eine Antwort.", AnswerRules.Check(plan, raw).Error);
        Assert.Equal(
            "Bitte wählen Sie entweder „weiß nicht“ oder „nicht relevant“, nicht beides.",
            AnswerRules.Check(plan with { AllowsDontKnow = true }, raw with { NotRelevant = true }).Error);
    }

    [Fact]
    public void Weiss_nicht_fits_only_a_question_that_still_offers_it()
    {
        Assert.True(AnswerRules.Fits(Q("gruendungsplan") with { AllowsDontKnow = true }, new Answer.DontKnow()));
        Assert.False(AnswerRules.Fits(Q("gruendungsplan"), new Answer.DontKnow()));
    }

    // "Weiß nicht" is an answer, but equal to no option and no number: only "!=" holds.
    [Theory]
    [InlineData(ConditionOperator.Equal, false)]
    [InlineData(ConditionOperator.In, false)]
    [InlineData(ConditionOperator.NotEqual, true)]
    [InlineData(ConditionOperator.GreaterOrEqual, false)]
    [InlineData(ConditionOperator.Less, false)]
    public void Weiss_nicht_is_equal_to_no_option(ConditionOperator op, bool met)
    {
        Assert.Equal(met, new Clause("q", op, ["2"]).IsMet(new Answer.DontKnow()));
        Assert.False(new Clause("q", op, ["2"]).IsMet(new Answer.NotRelevant(null)));
    }

    [Fact]
    public void Weiss_nicht_counts_as_answered_in_progress()
    {
        var guide = Mini with
        {
            Sections = Mini.Sections.Select(s => s with
            {
                Questions = s.Questions.Select(q => q.Id == "ziele-gemeinsam" ? q with { AllowsDontKnow = true } : q).ToList(),
            }).ToList(),
        };
        var answers = new Dictionary<string, Answer> { ["ziele-gemeinsam"] = new Answer.DontKnow() };

        var progress = Progress.Of(guide, answers, s => !s.IsProfile);

        Assert.Equal(1, progress.Answered);
        Assert.Empty(progress.OpenRequired);
    }

    [Fact]
    public void An_exchange_file_gives_weiss_nicht_back_only_where_the_question_offers_it()
    {
        var wertung = Scoring.ScorerTests.Wertung;
        var allowing = wertung with
        {
            Sections = wertung.Sections.Select(s => s with { Questions = s.Questions.Select(q => q.Id == "a" ? q with { AllowsDontKnow = true } : q).ToList() }).ToList(),
        };
        var (data, problems) = SelfEval.Scoring.Exchange.ExchangeReader.Read("""{"respondents":[{"answers":{"a":"weiß nicht"}}]}""", allowing);
        var (_, refused) = SelfEval.Scoring.Exchange.ExchangeReader.Read("""{"respondents":[{"answers":{"c":"weiß nicht"}}]}""", allowing);

        Assert.Empty(problems);
        Assert.Equal(new Answer.DontKnow(), data!.Respondents[0].Answers["a"]);
        Assert.Equal(["$.respondents[0].answers.c: Diese Frage lässt „weiß nicht“ nicht zu."], refused.Select(p => $"{p.Path}: {p.Message}"));
    }

    private static string? Describe(Answer? answer) => answer switch
    {
        null => null,
        Answer.Choice c => "Choice:" + c.Value,
        Answer.Choices m => "Choices:" + string.Join(",", m.Values),
        Answer.Number n => "Number:" + n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Answer.Text t => "Text:" + t.Value,
        Answer.NotRelevant n => "NotRelevant:" + n.Justification,
        Answer.DontKnow => "DontKnow",
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };
}
