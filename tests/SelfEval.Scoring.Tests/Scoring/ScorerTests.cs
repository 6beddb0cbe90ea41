using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Scoring.Tests.Scoring;

/// <summary>Scores from tables of answers, checked against numbers worked out by hand.</summary>
public sealed class ScorerTests
{
    internal static readonly Questionnaire Wertung = Fixtures.Load("scoring.md").Questionnaires.Single();

    internal static readonly Dictionary<string, Answer> Gruendung = new() { ["phase"] = new Answer.Choice("gruendung") };

    /// <summary>"a=3 b=1 c=ja d=2 e=nein", "a=nr", "a=dk" (weiß nicht), "d=" (unanswered) as compact answer rows.</summary>
    internal static RespondentAnswers Person(string answers, string label = "P") => new(label, answers
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('='))
        .Where(p => p[1].Length > 0)
        .ToDictionary(p => p[0], p => p[1] switch
        {
            "nr" => new Answer.NotRelevant(null),
            "dk" => new Answer.DontKnow(),
            var value => (Answer)new Answer.Choice(value),
        }));

    /// <summary>The fixture with every question changed as a test needs it (the parser for the new properties lives elsewhere).</summary>
    internal static Questionnaire With(Questionnaire questionnaire, Func<Question, Question> change) => questionnaire with
    {
        Sections = questionnaire.Sections.Select(s => s with { Questions = s.Questions.Select(change).ToList() }).ToList(),
    };

    internal static ScoreCard Score(params string[] people) =>
        Scorer.Score(Wertung, Gruendung, people.Select((p, i) => Person(p, $"P{i + 1}")).ToList());

    [Theory]
    [InlineData("a", "0", 0)]
    [InlineData("a", "1", 25)]
    [InlineData("a", "2", 50)]
    [InlineData("a", "4", 100)]
    [InlineData("b", "4", 0)]
    [InlineData("b", "1", 75)]
    [InlineData("c", "ja", 100)]
    [InlineData("c", "teilweise", 50)]
    [InlineData("c", "nein", 0)]
    public void An_answer_becomes_0_to_100_by_its_scale_and_reverse_items_are_flipped(string question, string value, double expected)
    {
        Assert.Equal((decimal)expected, Score($"{question}={value}").Item(question)!.Score);
    }

    // answers of one person → section Innen, section Außen, overall
    [Theory]
    [InlineData("a=3 b=1 c=ja d=2 e=nein", 81.3, 25, 70)]         // (2·75+75+100)/4; (50+0)/2; (4·75+2·75+2·100+50+0)/10
    [InlineData("a=nr b=1 c=ja d=2 e=nein", 87.5, 25, 66.7)]      // not relevant leaves the mean: (75+100)/2; (150+200+50)/6
    [InlineData("a=4 b=0 c=ja d=4 e=ja", 100, 100, 100)]
    [InlineData("a=0 b=4 c=nein d=0 e=nein", 0, 0, 0)]
    [InlineData("a=2 b=2 c=teilweise d=nr e=teilweise", 50, 50, 50)]
    public void Section_and_overall_scores_are_weighted_means(string answers, double innen, double aussen, double overall)
    {
        var card = Score(answers);

        Assert.Equal((decimal)innen, card.Section("innen")!.Score.Value);
        Assert.Equal((decimal)aussen, card.Section("aussen")!.Score.Value);
        Assert.Equal((decimal)overall, card.Overall.Value);
    }

    [Fact]
    public void Aspects_and_dimensions_use_question_weight_times_section_weight()
    {
        var card = Score("a=3 b=1 c=ja d=2 e=nein");

        Assert.Equal(83.3m, card.Aspects[Aspect.Einigkeit].Value);   // (4·75 + 2·100) / 6
        Assert.Equal(50m, card.Aspects[Aspect.Ressourcen].Value);    // (2·75 + 1·0) / 3
        Assert.Equal(50m, card.Aspects[Aspect.Arbeitsweise].Value);
        Assert.Null(card.Aspects[Aspect.Kontext].Value);
        Assert.Equal(81.3m, card.Dimensions[Dimension.Innen].Value); // (4·75 + 2·75 + 2·100) / 8
        Assert.Equal(25m, card.Dimensions[Dimension.Aussen].Value);
    }

    // d as a context question: one person's answers → overall, Außen dimension, Kontext aspect
    [Theory]
    [InlineData("a=3 b=1 c=ja d=2 e=nein", 72.2, 0, 50)]    // overall (4·75 + 2·75 + 2·100 + 1·0) / 9 without d; Außen is e alone
    [InlineData("a=3 b=1 c=ja d=0 e=nein", 72.2, 0, 0)]     // the surroundings move the context, not the initiative
    [InlineData("a=3 b=1 c=ja d=4 e=nein", 72.2, 0, 100)]
    public void Context_questions_are_reported_beside_the_scores_not_in_them(string answers, double overall, double aussen, double kontext)
    {
        var contextual = With(Wertung, q => q.Id == "d" ? q with { Aspect = Aspect.Kontext } : q);
        var card = Scorer.Score(contextual, Gruendung, [Person(answers)]);

        Assert.Equal((decimal)overall, card.Overall.Value);
        Assert.Equal((decimal)aussen, card.Dimensions[Dimension.Aussen].Value);
        Assert.Equal((decimal)kontext, card.Aspects[Aspect.Kontext].Value);
    }

    [Fact]
    public void A_section_of_context_questions_only_describes_the_surroundings_and_is_no_weakness()
    {
        var contextual = With(Wertung, q => q.Id is "d" or "e" ? q with { Aspect = Aspect.Kontext } : q);
        var card = Scorer.Score(contextual, Gruendung, [Person("a=3 b=1 c=ja d=0 e=nein")]);
        var report = SelfEval.Scoring.Profile.ProfileBuilder.Build(card, null, new("Initiative", new DateOnly(2026, 12, 1), 1));

        Assert.True(card.Section("aussen")!.IsContext);
        Assert.Equal(0m, card.Section("aussen")!.Score.Value);                        // how favourable the surroundings are
        Assert.Equal(81.3m, card.Overall.Value);                                       // Innen alone
        Assert.DoesNotContain(report.Weaknesses, w => w.Item.Text is "Frage D?" or "Frage E?");
        Assert.Equal((true, (string?)null), (report.Sections.Single(s => s.Key == "aussen").IsContext, report.Sections.Single(s => s.Key == "aussen").Band));
        Assert.Equal((true, (string?)null), (report.Aspects.Single(a => a.Key == "kontext").IsContext, report.Aspects.Single(a => a.Key == "kontext").Band));
        Assert.False(report.Sections.Single(s => s.Key == "innen").IsContext);
        Assert.DoesNotContain(report.Strengths, s => s.Text is "Frage D?" or "Frage E?");
    }

    [Fact]
    public void The_team_figures_count_answers_without_saying_who_gave_them_or_in_which_order()
    {
        string[] people = ["a=3 b=1 c=ja", "a=1 b=nr", "a=3"];

        var tally = TeamTally.Of(Wertung, Gruendung, people.Select(p => Person(p).Answers).ToList());
        var reversed = TeamTally.Of(Wertung, Gruendung, people.Reverse().Select(p => Person(p).Answers).ToList());

        Assert.Equal(3, tally.Respondents);
        Assert.Equal([new("1", 1), new("3", 2)], tally.For("a").Counts);
        Assert.Equal((1, 1, 1), (tally.For("b").Counts["1"], tally.For("b").NotRelevant, tally.For("b").Unanswered));
        Assert.Equal(2, tally.For("c").Unanswered);
        Assert.Equal(
            tally.Questions.Select(q => (q.Key, string.Join(",", q.Value.Counts), q.Value.NotRelevant, q.Value.NotAsked, q.Value.Unanswered)),
            reversed.Questions.Select(q => (q.Key, string.Join(",", q.Value.Counts), q.Value.NotRelevant, q.Value.NotAsked, q.Value.Unanswered)));
        var fromFigures = Scorer.Score(Wertung, tally);
        Assert.Equal(Score(people).Overall, fromFigures.Overall);
        Assert.Equal(Score(people).Agreement, fromFigures.Agreement);
        Assert.Equal(Score(people).Item("a")!.StepRange, fromFigures.Item("a")!.StepRange);
    }

    [Fact]
    public void A_question_hidden_by_its_condition_is_not_scored_and_not_missing()
    {
        var card = Scorer.Score(Wertung, new Dictionary<string, Answer> { ["phase"] = new Answer.Choice("etabliert") }, [Person("a=3 b=1 c=ja d=2 e=nein")]);

        Assert.Null(card.Item("c")!.Score);
        Assert.Equal(1, card.Item("c")!.Hidden);
        Assert.False(card.Item("c")!.IsRelevant);
        Assert.Equal(75m, card.Section("innen")!.Score.Value);       // (2·75 + 75) / 3, the kept "ja" ignored
        Assert.Equal(1m, card.Section("innen")!.Score.Coverage);
    }

    // answers → innen coverage, innen assessable, overall coverage
    [Theory]
    [InlineData("a=3 b=1 c=ja d=2 e=nein", 1.0, true, 1.0)]
    [InlineData("a=3 b=1", 0.667, true, 0.4)]
    [InlineData("a=3", 0.333, false, 0.2)]
    [InlineData("a=nr b=nr c=nr d=2 e=ja", 0, false, 1.0)]
    [InlineData("", 0, false, 0)]
    public void Coverage_below_half_makes_a_score_not_assessable(string answers, double coverage, bool assessable, double overallCoverage)
    {
        var card = Score(answers);

        Assert.Equal((decimal)coverage, Math.Round(card.Section("innen")!.Score.Coverage, 3));
        Assert.Equal(assessable, card.Section("innen")!.Score.Assessable);
        Assert.Equal((decimal)overallCoverage, Math.Round(card.Overall.Coverage, 3));
    }

    [Theory]
    [InlineData(0, "Anfang")]
    [InlineData(49.9, "Anfang")]
    [InlineData(50, "Etabliert")]
    [InlineData(70, "Etabliert")]
    public void Bands_turn_scores_into_levels(double score, string band)
    {
        Assert.Equal(band, Wertung.BandFor((decimal)score).Name);
    }

    [Fact]
    public void A_team_gets_mean_range_agreement_and_the_items_to_discuss()
    {
        var card = Score("a=0 b=1 c=ja d=2 e=ja", "a=2 b=1 c=ja d=3 e=teilweise", "a=4 b=1 c=nein d=nr e=ja");

        var a = card.Item("a")!;
        Assert.Equal(50m, a.Score);
        Assert.Equal((0m, 100m), (a.Min!.Value, a.Max!.Value));
        Assert.Equal(4, a.StepRange);
        Assert.True(a.ToDiscuss);
        Assert.False(card.Item("b")!.ToDiscuss);
        Assert.True(card.Item("c")!.ToDiscuss);         // ja and nein are two steps apart
        Assert.False(card.Item("d")!.ToDiscuss);        // 2 and 3, the third said "nicht relevant"
        Assert.False(card.Item("e")!.ToDiscuss);        // ja and teilweise: one step
        Assert.Equal(1, card.Item("d")!.NotRelevant);
        Assert.Equal(33.3m, card.Section("innen")!.Agreement);   // 100 − mean(100, 0, 100)
        Assert.Equal(62.5m, card.Section("aussen")!.Agreement);  // 100 − mean(25, 50)
        Assert.Equal(45m, card.Agreement);                       // 100 − mean(100, 0, 100, 25, 50)
        Assert.Equal(0m, card.EinigkeitAgreement);               // a and c
        Assert.Equal(3, card.Respondents);
    }

    [Fact]
    public void A_single_respondent_has_no_agreement_figure()
    {
        var card = Score("a=0 b=1 c=ja d=2 e=ja");

        Assert.Null(card.Agreement);
        Assert.Null(card.Section("innen")!.Agreement);
        Assert.False(card.Item("a")!.ToDiscuss);
    }

    [Fact]
    public void Scoring_is_deterministic()
    {
        var one = Score("a=0 b=1 c=ja d=2 e=ja", "a=2 b=3 c=nein d=3 e=teilweise");
        var two = Score("a=0 b=1 c=ja d=2 e=ja", "a=2 b=3 c=nein d=3 e=teilweise");

        Assert.Equal(one.Items.Select(i => i.Score), two.Items.Select(i => i.Score));
        Assert.Equal(one.Overall, two.Overall);
    }
}
