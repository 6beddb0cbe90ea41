using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using static SelfEval.Scoring.Tests.Scoring.ScorerTests;

namespace SelfEval.Scoring.Tests.Scoring;

/// <summary>"Weiß nicht" and practice/results as the report carries them.</summary>
public sealed class ProfileSecondEditionTests
{
    private static readonly ProfileSubject Subject = new("Initiative Süd", new DateOnly(2026, 11, 22), 1);

    private static readonly Questionnaire Measured = With(Wertung, q => q with
    {
        AllowsDontKnow = true,
        Measures = q.Id is "a" or "e" ? Measure.Practice : Measure.Result,
    });

    private static ProfileReport Build(params string[] people) =>
        ProfileBuilder.Build(Scorer.Score(Measured, Gruendung, people.Select(p => Person(p)).ToList()), null, Subject);

    // people's answers to b → how the details summarise it (the texts module words it, see ProfileTextsTests)
    [Theory]
    [InlineData(new[] { "b=dk" }, AnswerState.DontKnowOnly, 0, 0, 1, false)]
    [InlineData(new[] { "b=dk", "b=dk" }, AnswerState.DontKnowOnly, 0, 0, 2, true)]
    [InlineData(new[] { "b=dk", "b=nr" }, AnswerState.DontKnowOnly, 0, 1, 1, true)]
    [InlineData(new[] { "b=dk", "b=" }, AnswerState.Unanswered, 0, 0, 1, true)]
    [InlineData(new[] { "b=1", "b=3", "b=dk" }, AnswerState.Answered, 2, 0, 1, true)]
    [InlineData(new[] { "b=1", "b=nr", "b=dk" }, AnswerState.Answered, 1, 1, 1, true)]
    [InlineData(new[] { "b=1" }, AnswerState.Answered, 1, 0, 0, false)]
    public void The_details_show_weiss_nicht_apart_from_the_answers(string[] people, AnswerState state, int answers, int notRelevant, int dontKnow, bool team)
    {
        var answer = Build(people).Details[0].Items[1].Answer;

        Assert.Equal((state, answers, notRelevant, dontKnow, team), (answer.State, answer.Answers, answer.NotRelevant, answer.DontKnow, answer.Team));
    }

    [Fact]
    public void Questions_answered_only_with_weiss_nicht_are_counted_apart_from_unanswered_ones()
    {
        var report = Build("a=3 b=dk c=dk d=");

        Assert.Equal((2, 2), (report.DontKnow, report.Unanswered));   // b, c; d, e
        Assert.Equal(AnswerState.DontKnowOnly, report.Checklist!.Single(s => s.Number == "1").Items.Single(i => i.Number == "1.2").State.State);
    }

    [Fact]
    public void The_report_carries_practice_and_results_overall_and_per_section_as_keys_and_numbers()
    {
        // a=75 (4), b=75 (2), c=100 (2), d=50 (1), e=0 (1): practice a, e; result b, c, d
        var report = Build("a=3 b=1 c=ja d=2 e=nein");

        Assert.Equal(
            [(Measure.Practice, 60m, true, "Etabliert"), (Measure.Result, 80m, true, "Etabliert")],
            report.Measures.Select(m => (m.Measure, m.Value!.Value, m.Assessable, m.Band)));
        Assert.Equal([75m, 87.5m], report.Details[0].Measures.Select(m => m.Value!.Value));
        Assert.Equal([0m, 50m], report.Details[1].Measures.Select(m => m.Value!.Value));
        Assert.Equal(("practice", "Vorgehen"), (report.Measures[0].ToLine("Vorgehen").Key, report.Measures[0].ToLine("Vorgehen").Label));
    }

    [Fact]
    public void Without_any_measured_question_both_lines_say_not_assessable()
    {
        // As a guide version stored before the second edition loads: no question says what it measures.
        var unmeasured = With(Wertung, q => q with { Measures = null });
        var report = ProfileBuilder.Build(Scorer.Score(unmeasured, Gruendung, [Person("a=3 b=1 c=ja d=2 e=nein")]), null, Subject);

        Assert.Equal([(Measure.Practice, false), (Measure.Result, false)], report.Measures.Select(m => (m.Measure, m.Assessable)));
        Assert.All(report.Measures, m => Assert.Null(m.Value));
    }
}
