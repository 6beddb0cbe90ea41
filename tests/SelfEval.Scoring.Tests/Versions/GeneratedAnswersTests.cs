using SelfEval.Scoring.Model;
using SelfEval.Scoring.Versions;

namespace SelfEval.Scoring.Tests.Versions;

/// <summary>The made-up answers of the profile preview: who answers, and which level each scored question gets.</summary>
public sealed class GeneratedAnswersTests
{
    private static Questionnaire Guide(string text) => Fixtures.LoadText("minimal.md", text).Questionnaires.Single();

    private static readonly Questionnaire Minimal = Guide(Fixtures.Text("minimal.md"));

    [Theory]
    [InlineData(AnswerScenario.AllLow, new[] { "P1: ziele-gemeinsam=0 gruendungsplan=nein" })]
    [InlineData(AnswerScenario.AllHigh, new[] { "P1: ziele-gemeinsam=4 gruendungsplan=ja" })]
    [InlineData(AnswerScenario.DividedTeam, new[]
    {
        "P1: ziele-gemeinsam=0 gruendungsplan=nein", "P2: ziele-gemeinsam=0 gruendungsplan=nein",
        "P3: ziele-gemeinsam=4 gruendungsplan=ja", "P4: ziele-gemeinsam=4 gruendungsplan=ja",
    })]
    [InlineData(AnswerScenario.Mixed, new[] { "P1: ziele-gemeinsam=4 gruendungsplan=nein" })]
    public void Every_scored_question_gets_its_lowest_or_highest_level_and_nothing_else_is_answered(AnswerScenario scenario, string[] expected)
    {
        var people = GeneratedAnswers.For(Minimal, scenario);

        Assert.Equal(expected, people.Select(p => $"{p.Label}: " + string.Join(' ', p.Answers.Select(a => $"{a.Key}={((Answer.Choice)a.Value).Value}"))));
    }

    [Fact]
    public void A_reversed_question_is_answered_by_score_not_by_level()
    {
        var reversed = Guide(Fixtures.Text("minimal.md").Replace("- reverse: nein", "- reverse: ja", StringComparison.Ordinal));

        Assert.Equal("ja", ((Answer.Choice)GeneratedAnswers.For(reversed, AnswerScenario.AllLow)[0].Answers["gruendungsplan"]).Value);
        Assert.Equal("nein", ((Answer.Choice)GeneratedAnswers.For(reversed, AnswerScenario.AllHigh)[0].Answers["gruendungsplan"]).Value);
    }
}
