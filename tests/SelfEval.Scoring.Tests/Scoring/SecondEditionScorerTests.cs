using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;
using static SelfEval.Scoring.Tests.Scoring.ScorerTests;

namespace SelfEval.Scoring.Tests.Scoring;

/// <summary>Own levels, "weiß nicht" and practice/result, from tables of answers worked out by hand.</summary>
public sealed class SecondEditionScorerTests
{
    private static AnswerOption[] Levels(params int[] points) =>
        points.Select(p => new AnswerOption(p.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Zustand {p}", p)).ToArray();

    // a: own levels 0..3; b (reverse) and d: own levels 1..5; c and e stay yes/no.
    private static readonly Questionnaire OwnLevels = With(Wertung, q => q.Id switch
    {
        "a" => q with { Options = Levels(0, 1, 2, 3), ScaleId = null, HasOwnLevels = true },
        "b" or "d" => q with { Options = Levels(1, 2, 3, 4, 5), ScaleId = null, HasOwnLevels = true },
        _ => q,
    });

    private static readonly Questionnaire DontKnowAllowed = With(Wertung, q => q with { AllowsDontKnow = true });

    private static ScoreCard Card(Questionnaire questionnaire, params string[] people) =>
        Scorer.Score(questionnaire, Gruendung, people.Select((p, i) => Person(p, $"P{i + 1}")).ToList());

    [Theory]
    [InlineData("a", "0", 0)]
    [InlineData("a", "1", 33.3)]
    [InlineData("a", "2", 66.7)]
    [InlineData("a", "3", 100)]
    [InlineData("d", "1", 0)]
    [InlineData("d", "2", 25)]
    [InlineData("d", "4", 75)]
    [InlineData("d", "5", 100)]
    [InlineData("b", "5", 0)]     // reverse over its own 1..5
    [InlineData("b", "2", 75)]
    public void A_question_with_own_levels_normalises_over_its_own_lowest_and_highest_level(string question, string value, double expected)
    {
        Assert.Equal((decimal)expected, Card(OwnLevels, $"{question}={value}").Item(question)!.Score);
    }

    // two people's answers to one question → distance in the question's own steps, to discuss
    [Theory]
    [InlineData("a", "0", "2", 2, true)]
    [InlineData("a", "1", "2", 1, false)]
    [InlineData("a", "0", "3", 3, true)]
    [InlineData("d", "1", "2", 1, false)]
    [InlineData("d", "2", "4", 2, true)]
    [InlineData("d", "1", "5", 4, true)]
    public void Steps_to_discuss_count_the_questions_own_levels(string question, string one, string two, int steps, bool discuss)
    {
        var item = Card(OwnLevels, $"{question}={one}", $"{question}={two}").Item(question)!;

        Assert.Equal(steps, item.StepRange);
        Assert.Equal(discuss, item.ToDiscuss);
    }

    // answers of one person → innen value, innen coverage, overall coverage, items answered "weiß nicht"
    [Theory]
    [InlineData("a=3 b=1 c=ja d=2 e=nein", 81.3, 1.0, 1.0, 0)]
    [InlineData("a=3 b=dk c=ja d=2 e=nein", 83.3, 0.667, 0.8, 1)]     // weiß nicht leaves the mean but lowers coverage
    [InlineData("a=3 b=nr c=ja d=2 e=nein", 83.3, 1.0, 1.0, 0)]       // nicht relevant leaves the calculation entirely
    [InlineData("a=3 b= c=ja d=2 e=nein", 83.3, 0.667, 0.8, 0)]       // unanswered: the same figures as weiß nicht
    [InlineData("a=3 b=dk c=dk d=dk e=dk", 75.0, 0.333, 0.2, 4)]
    [InlineData("a=dk b=nr c= d=2 e=dk", null, 0, 0.25, 2)]
    [InlineData("a=nr b=nr c=nr d=dk e=dk", null, 0, 0, 2)]
    public void Weiss_nicht_is_not_scored_and_counts_as_relevant_but_unanswered(string answers, double? innen, double coverage, double overallCoverage, int dontKnowItems)
    {
        var card = Card(DontKnowAllowed, answers);

        Assert.Equal((decimal?)innen, card.Section("innen")!.Score.Value);
        Assert.Equal((decimal)coverage, Math.Round(card.Section("innen")!.Score.Coverage, 3));
        Assert.Equal((decimal)overallCoverage, Math.Round(card.Overall.Coverage, 3));
        Assert.Equal(dontKnowItems, card.Items.Count(i => i.DontKnow > 0));
    }

    [Fact]
    public void The_team_figures_count_weiss_nicht_per_question()
    {
        var card = Card(DontKnowAllowed, "a=3 b=dk", "a=dk b=1", "a=dk");

        var tally = card.Team!;
        Assert.Equal((1, 2, 0), (tally.For("a").Counts["3"], tally.For("a").DontKnow, tally.For("a").Unanswered));
        Assert.Equal((1, 1, 1), (tally.For("b").Counts["1"], tally.For("b").DontKnow, tally.For("b").Unanswered));
        Assert.Equal((75m, 2, 0), (card.Item("a")!.Score!.Value, card.Item("a")!.DontKnow, card.Item("a")!.Unanswered));
        Assert.Equal((1, 1), (card.Item("b")!.DontKnow, card.Item("b")!.Unanswered));
    }

    [Fact]
    public void Weiss_nicht_on_a_question_that_does_not_offer_it_counts_as_unanswered()
    {
        var card = Card(Wertung, "a=3 b=dk");

        Assert.Equal((0, 1), (card.Team!.For("b").DontKnow, card.Team.For("b").Unanswered));
        Assert.Equal((0, 1), (card.Item("b")!.DontKnow, card.Item("b")!.Unanswered));
    }

    // what each question measures ("-" = nothing: an older version) → practice and result overall, then in section innen
    // answers: a=75 (weight 2 × section 2), b=75 (1 × 2), c=100 (1 × 2), d=50 (1 × 1), e=0 (1 × 1)
    [Theory]
    [InlineData("a=practice b=result c=result d=result e=practice", 60.0, 80.0, 75.0, 87.5)]     // (4·75+0)/5; (2·75+2·100+50)/5; a; (75+100)/2
    [InlineData("a=practice b=result c=- d=result e=practice", 60.0, 66.7, 75.0, 75.0)]          // c counts in neither
    [InlineData("a=result b=result c=result d=result e=result", null, 70.0, null, 81.3)]
    [InlineData("a=- b=- c=- d=- e=-", null, null, null, null)]
    public void Practice_and_results_are_scored_apart_overall_and_per_section(string measures, double? practice, double? result, double? innenPractice, double? innenResult)
    {
        var map = measures.Split(' ').Select(m => m.Split('=')).ToDictionary(m => m[0], m => m[1] == "-" ? (Measure?)null : ModelNames.Measures[m[1]]);
        var card = Card(With(Wertung, q => q with { Measures = map.GetValueOrDefault(q.Id) }), "a=3 b=1 c=ja d=2 e=nein");

        Assert.Equal((decimal?)practice, card.Measures[Measure.Practice].Value);
        Assert.Equal((decimal?)result, card.Measures[Measure.Result].Value);
        Assert.Equal((decimal?)innenPractice, card.Section("innen")!.Measures[Measure.Practice].Value);
        Assert.Equal((decimal?)innenResult, card.Section("innen")!.Measures[Measure.Result].Value);
        Assert.Equal(81.3m, card.Section("innen")!.Score.Value);   // the section's own score is unchanged
    }

    [Fact]
    public void Practice_and_result_coverage_count_only_their_own_questions()
    {
        var measured = With(DontKnowAllowed, q => q with { Measures = q.Id is "a" or "b" ? Measure.Practice : Measure.Result });

        var card = Card(measured, "a=3 b=dk c=ja d= e=nein");

        Assert.Equal((1, 2), (card.Measures[Measure.Practice].Answered, card.Measures[Measure.Practice].Relevant));
        Assert.Equal((2, 3), (card.Measures[Measure.Result].Answered, card.Measures[Measure.Result].Relevant));
        Assert.Equal(75m, card.Measures[Measure.Practice].Value);
    }
}
