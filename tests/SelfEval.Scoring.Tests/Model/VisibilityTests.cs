using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Model;

public sealed class VisibilityTests
{
    private static readonly Questionnaire Mini = Fixtures.Load("minimal.md").Questionnaires.Single();

    private static Dictionary<string, Answer> Answers(params (string Id, Answer Answer)[] answers) =>
        answers.ToDictionary(a => a.Id, a => a.Answer);

    [Fact]
    public void Without_answers_conditional_questions_and_sections_are_hidden()
    {
        var visible = Visibility.Of(Mini, Answers());

        Assert.Equal(["profil", "ziele"], visible.Sections.Order());
        Assert.DoesNotContain("gruendungsplan", visible.Questions);
        Assert.DoesNotContain("finanzierung", visible.Questions);
        Assert.Contains("ziele-gemeinsam", visible.Questions);
    }

    [Fact]
    public void A_matching_answer_shows_the_question_and_the_section()
    {
        var visible = Visibility.Of(Mini, Answers(
            ("phase", new Answer.Choice("gruendung")),
            ("gruendungsjahr", new Answer.Number(2021))));

        Assert.Contains("gruendungsplan", visible.Questions);
        Assert.Contains("finanzen", visible.Sections);
        Assert.Contains("finanzierung", visible.Questions);
        Assert.Contains("wuensche", visible.Questions);
    }

    [Fact]
    public void The_section_needs_every_clause_of_its_group()
    {
        var visible = Visibility.Of(Mini, Answers(
            ("phase", new Answer.Choice("etabliert")),
            ("gruendungsjahr", new Answer.Number(1990))));

        Assert.DoesNotContain("finanzen", visible.Sections);
        Assert.DoesNotContain("finanzierung", visible.Questions);
        Assert.DoesNotContain("gruendungsplan", visible.Questions);
    }

    // Clause semantics as a table: operator, condition values, answer, expected.
    public static TheoryData<ConditionOperator, string[], Answer?, bool> ClauseCases => new()
    {
        { ConditionOperator.Equal, ["ev"], new Answer.Choice("ev"), true },
        { ConditionOperator.Equal, ["ev"], new Answer.Choice("gmbh"), false },
        { ConditionOperator.Equal, ["ev"], null, false },
        { ConditionOperator.Equal, ["ev"], new Answer.NotRelevant(null), false },
        { ConditionOperator.NotEqual, ["ev"], new Answer.Choice("gmbh"), true },
        { ConditionOperator.NotEqual, ["ev"], new Answer.Choice("ev"), false },
        { ConditionOperator.NotEqual, ["ev"], null, false },
        { ConditionOperator.In, ["gruendung", "aufbau"], new Answer.Choice("aufbau"), true },
        { ConditionOperator.In, ["gruendung", "aufbau"], new Answer.Choice("etabliert"), false },
        { ConditionOperator.Equal, ["wasserstoff"], new Answer.Choices(["fachkraefte", "wasserstoff"]), true },
        { ConditionOperator.Equal, ["wasserstoff"], new Answer.Choices(["fachkraefte"]), false },
        { ConditionOperator.NotEqual, ["wasserstoff"], new Answer.Choices(["fachkraefte"]), true },
        { ConditionOperator.GreaterOrEqual, ["2020"], new Answer.Number(2020), true },
        { ConditionOperator.GreaterOrEqual, ["2020"], new Answer.Number(2019), false },
        { ConditionOperator.Greater, ["2020"], new Answer.Number(2020), false },
        { ConditionOperator.Less, ["10"], new Answer.Number(9.5m), true },
        { ConditionOperator.LessOrEqual, ["10"], new Answer.Number(10), true },
        { ConditionOperator.Equal, ["12"], new Answer.Number(12), true },
        { ConditionOperator.GreaterOrEqual, ["3"], new Answer.Choice("4"), true },
        { ConditionOperator.Less, ["3"], new Answer.Choice("4"), false },
        { ConditionOperator.Equal, ["x"], new Answer.Text("x"), false },
    };

    [Theory]
    [MemberData(nameof(ClauseCases))]
    public void A_clause_is_met_only_by_a_given_matching_answer(ConditionOperator op, string[] values, Answer? answer, bool expected)
    {
        Assert.Equal(expected, new Clause("q", op, values).IsMet(answer));
    }

    [Fact]
    public void Groups_are_alternatives_and_clauses_within_a_group_must_all_hold()
    {
        var condition = new Condition("a = 1 und b = 1 oder c = 1",
        [
            [new Clause("a", ConditionOperator.Equal, ["1"]), new Clause("b", ConditionOperator.Equal, ["1"])],
            [new Clause("c", ConditionOperator.Equal, ["1"])],
        ]);
        Answer One = new Answer.Choice("1");

        Assert.True(condition.IsMet(id => id is "a" or "b" ? One : null));
        Assert.False(condition.IsMet(id => id is "a" ? One : null));
        Assert.True(condition.IsMet(id => id is "c" ? One : null));
    }
}
