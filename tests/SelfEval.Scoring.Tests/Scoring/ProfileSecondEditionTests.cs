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

    // people's answers to b → its answer text in the details, how many said "weiß nicht"
    [Theory]
    [InlineData(new[] { "b=dk" }, "weiß nicht", 1)]
    [InlineData(new[] { "b=dk", "b=dk" }, "2× weiß nicht", 2)]
    [InlineData(new[] { "b=dk", "b=nr" }, "1× weiß nicht, 1× nicht relevant", 1)]
    [InlineData(new[] { "b=dk", "b=" }, "nicht beantwortet, 1× weiß nicht", 1)]
    [InlineData(new[] { "b=1", "b=3", "b=dk" }, "Mittel 50 · 2 Antworten, von „1 – selten“ bis „3 – oft“, 1× weiß nicht", 1)]
    [InlineData(new[] { "b=1", "b=nr", "b=dk" }, "Mittel 75 · 1 Antworten, alle „1 – selten“, 1× nicht relevant, 1× weiß nicht", 1)]
    [InlineData(new[] { "b=1" }, "1 – selten", 0)]
    public void The_details_show_weiss_nicht_apart_from_the_answers(string[] people, string answer, int dontKnow)
    {
        var item = Build(people).Details[0].Items[1];

        Assert.Equal((answer, dontKnow), (item.Answer, item.DontKnow));
    }

    [Fact]
    public void Questions_answered_only_with_weiss_nicht_are_counted_apart_from_unanswered_ones()
    {
        var report = Build("a=3 b=dk c=dk d=");

        Assert.Equal((2, 2), (report.DontKnow, report.Unanswered));   // b, c; d, e
        Assert.Equal("weiß nicht", report.Checklist!.Single(s => s.Number == "1").Items.Single(i => i.Number == "1.2").State);
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
        Assert.Equal(("practice", "Arbeitsweise"), (report.Measures[0].ToLine("Arbeitsweise").Key, report.Measures[0].ToLine("Arbeitsweise").Label));
    }

    [Fact]
    public void Without_any_measured_question_both_lines_say_not_assessable()
    {
        var report = ProfileBuilder.Build(Score("a=3 b=1 c=ja d=2 e=nein"), null, Subject);

        Assert.Equal([(Measure.Practice, false), (Measure.Result, false)], report.Measures.Select(m => (m.Measure, m.Assessable)));
        Assert.All(report.Measures, m => Assert.Null(m.Value));
    }
}
