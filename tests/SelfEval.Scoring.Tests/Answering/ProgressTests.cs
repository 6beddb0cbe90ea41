using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Answering;

public sealed class ProgressTests
{
    private static readonly Questionnaire Mini = Fixtures.Load("minimal.md").Questionnaires.Single();

    private static Progress Of(bool coordinator, params (string Id, Answer Answer)[] answers) =>
        Progress.Of(Mini, answers.ToDictionary(a => a.Id, a => a.Answer), s => coordinator || !s.IsProfile);

    [Fact]
    public void Counts_only_visible_questions_of_the_sections_a_person_works_on()
    {
        var coordinator = Of(true);
        var member = Of(false);

        // Profile: name, phase, gruendungsjahr, themen; Ziele: only ziele-gemeinsam (gruendungsplan needs phase).
        Assert.Equal(5, coordinator.Questions);
        Assert.Equal(1, member.Questions);
        Assert.Equal(["name", "phase", "ziele-gemeinsam"], coordinator.OpenRequired.Select(q => q.Id));
        Assert.False(coordinator.CanFinish);
        Assert.Equal(3, coordinator.Sections.Count);
        Assert.Equal(2, coordinator.SectionsVisible);
    }

    [Fact]
    public void Answers_make_sections_complete_and_show_follow_ups()
    {
        var progress = Of(true,
            ("name", new Answer.Text("Nord")),
            ("phase", new Answer.Choice("gruendung")),
            ("gruendungsjahr", new Answer.Number(2022)),
            ("ziele-gemeinsam", new Answer.Choice("4")));

        Assert.Equal(["gruendungsplan"], progress.OpenRequired.Select(q => q.Id));
        Assert.Equal(3, progress.SectionsVisible);
        Assert.Equal(2, progress.SectionsComplete);
        Assert.True(progress.Sections[0].Complete);
        Assert.False(progress.Sections[1].Complete);
        Assert.True(progress.Sections[2].Complete); // only optional questions
        Assert.Equal(4, progress.Answered);
    }

    [Fact]
    public void Not_relevant_counts_as_answered()
    {
        var progress = Of(false, ("phase", new Answer.Choice("gruendung")), ("ziele-gemeinsam", new Answer.Choice("2")), ("gruendungsplan", new Answer.NotRelevant(null)));

        Assert.True(progress.CanFinish);
    }

    public static TheoryData<string, Answer, bool> StoredAnswers => new()
    {
        { "phase", new Answer.Choice("gruendung"), true },
        { "phase", new Answer.Choice("aufbau"), false }, // an option of an older version
        { "phase", new Answer.NotRelevant(null), false }, // the question does not allow it
        { "themen", new Answer.Choices(["wasserstoff"]), true },
        { "themen", new Answer.Choices(["wasserstoff", "energie"]), false },
        { "gruendungsjahr", new Answer.Number(2020), true },
        { "gruendungsjahr", new Answer.Number(1850), false }, // below the version's minimum
        { "name", new Answer.Text("Nord"), true },
    };

    [Theory]
    [MemberData(nameof(StoredAnswers))]
    public void A_stored_answer_counts_only_when_it_fits_its_question(string id, Answer answer, bool counted)
    {
        var progress = Of(true, (id, answer));

        Assert.Equal(counted ? 1 : 0, progress.Sections[0].Answered);
        Assert.Equal(counted || !Mini.FindQuestion(id)!.Required, !progress.OpenRequired.Any(q => q.Id == id));
    }
    /// <summary>
    /// Minimal guide with "weiß nicht" offered on the shared goals and the founding plan (the plan shows only while
    /// the phase is "gruendung"): each row gives the phase and the two answers, then Answered, DontKnow and the open
    /// required questions of a team member.
    /// </summary>
    public static TheoryData<string, Answer?, Answer?, int, int, string> DontKnowRows => new()
    {
        { "gruendung", new Answer.DontKnow(), new Answer.DontKnow(), 2, 2, "" },
        { "gruendung", new Answer.DontKnow(), null, 1, 1, "gruendungsplan" },
        { "gruendung", new Answer.Choice("4"), new Answer.DontKnow(), 2, 1, "" },
        { "etabliert", new Answer.DontKnow(), new Answer.DontKnow(), 1, 1, "" }, // the plan is hidden: its answer counts for nothing
        { "etabliert", new Answer.Choice("9"), null, 0, 0, "ziele-gemeinsam" }, // not an option: as good as none
        { "etabliert", null, null, 0, 0, "ziele-gemeinsam" },
    };

    [Theory]
    [MemberData(nameof(DontKnowRows))]
    public void Dont_know_counts_as_answered_and_is_counted_once_among_shown_questions(
        string phase, Answer? goals, Answer? plan, int answered, int dontKnow, string open)
    {
        var guide = Fixtures.LoadText("dont-know.md", Fixtures.Text("minimal.md")
            .Replace("- measures: practice", "- measures: practice\n- dont-know: ja", StringComparison.Ordinal)
            .Replace("- when: phase = gruendung", "- when: phase = gruendung\n- dont-know: ja", StringComparison.Ordinal)).Questionnaires.Single();
        var answers = new Dictionary<string, Answer> { ["phase"] = new Answer.Choice(phase) };
        if (goals is not null)
        {
            answers["ziele-gemeinsam"] = goals;
        }

        if (plan is not null)
        {
            answers["gruendungsplan"] = plan;
        }

        var progress = Progress.Of(guide, answers, s => !s.IsProfile);

        Assert.Equal(answered, progress.Answered);
        Assert.Equal(dontKnow, progress.DontKnow);
        Assert.Equal(open, string.Join(",", progress.OpenRequired.Select(q => q.Id)));
    }
}
