using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using static SelfEval.Scoring.Tests.Scoring.ScorerTests;

namespace SelfEval.Scoring.Tests.Scoring;

/// <summary>What the profile makes of the team conversation: the consensus beside the mean, the action plan, and the actions in the trend.</summary>
public sealed class TeamConversationProfileTests
{
    private static readonly OfferCatalog Offers = Fixtures.Load("scoring.md").Offers!;

    private static readonly ProfileSubject Subject = new("Initiative Süd", new DateOnly(2026, 11, 22), 1);

    /// <summary>The scoring fixture with "weiß nicht" offered everywhere, so an agreed "weiß nicht" can be tried.</summary>
    private static readonly Questionnaire DontKnowAllowed = With(Wertung, q => q with { AllowsDontKnow = true });

    /// <summary>"a=4 e=nr" as agreed answers, in the notation of <see cref="ScorerTests.Person"/>.</summary>
    private static TeamConversation Agreed(string agreed, params TeamAction[] actions) =>
        new(agreed.Length == 0 ? [] : Person(agreed).Answers.Select(a => new AgreedAnswer(a.Key, a.Value, null)).ToList(), actions);

    private static ProfileReport Build(Questionnaire questionnaire, string[] people, TeamConversation conversation) =>
        ProfileBuilder.Build(Scorer.Score(questionnaire, Gruendung, people.Select(p => Person(p)).ToList()), Offers, Subject, null, conversation);

    private static readonly string[] TwoPeople = ["a=0 b=1 c=ja d=2 e=ja", "a=2 b=1 c=ja d=2 e=nein"];

    // Two people: a 0 and 50 (→ 25, weight 2), b 75 (reversed), c 100, d 50, e 100 and 0 (→ 50). Section "Innen" has
    // weight 2: overall = (4·a + 2·b + 2·c + d + e) / 10 = 55, Innen = (2·a + b + c) / 4 = 56.25, Außen = (d + e) / 2 = 50.
    // The agreed answer replaces both people's answers to its question; everything else keeps the team's answers.
    [Theory]
    [InlineData("a=4", 1, 55, 85, 56, 94, 50, 50, 100)]          // a → 100: Innen (200 + 75 + 100) / 4 = 93.75
    [InlineData("e=ja", 1, 55, 60, 56, 56, 50, 75, 100)]         // e → 100: Außen (50 + 100) / 2
    [InlineData("a=4 e=ja", 2, 55, 90, 56, 94, 50, 75, 100)]
    [InlineData("d=nr", 1, 55, 56, 56, 56, 50, 50, 100)]         // "nicht relevant" leaves d out: (100 + 150 + 200 + 50) / 9 = 55.6
    [InlineData("a=dk", 1, 55, 75, 56, 88, 50, 50, 67)]          // "weiß nicht": a unscored but relevant, Innen covers 2 of 3
    [InlineData("a=nr", 1, 55, 75, 56, 88, 50, 50, 100)]         // "nicht relevant": the same value, but a leaves the coverage too
    [InlineData("a=0 b=1", 2, 55, 45, 56, 44, 50, 50, 100)]      // agreeing on the lowest answer lowers the consensus
    public void The_consensus_replaces_the_teams_answers_where_it_agreed_and_stands_beside_the_mean(
        string agreed, int count, int overallMean, int overallConsensus, int innenMean, int innenConsensus, int aussenMean, int aussenConsensus, int innenCoveragePercent)
    {
        var report = Build(DontKnowAllowed, TwoPeople, Agreed(agreed));

        var consensus = report.Consensus!;
        Assert.Equal(count, consensus.Agreed);
        Assert.Equal((overallMean, overallConsensus), (consensus.Overall.Mean.Shown!.Value, consensus.Overall.Consensus.Shown!.Value));
        Assert.Equal([innenMean, aussenMean], consensus.Sections.Select(s => s.Mean.Shown!.Value));
        Assert.Equal([innenConsensus, aussenConsensus], consensus.Sections.Select(s => s.Consensus.Shown!.Value));
        var keys = agreed.Split(' ').Select(a => a[0]).ToList();
        Assert.Equal([keys.Count(k => k is 'a' or 'b' or 'c'), keys.Count(k => k is 'd' or 'e')], consensus.Sections.Select(s => s.Agreed));
        Assert.Equal(innenCoveragePercent, Math.Round(consensus.Sections[0].Consensus.Coverage * 100));
        // The profile's own scores stay the mean of the individual answers: comparable with earlier rounds and other initiatives.
        Assert.Equal(overallMean, report.Overall.Shown);
        Assert.Equal(consensus.Sections.Select(s => s.Mean), report.Sections);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x=4")]   // no such question
    [InlineData("a=9")]   // no such answer: an agreed answer the question could not take is not taken
    public void Without_any_agreed_answer_the_profile_has_no_consensus(string agreed)
    {
        Assert.Null(Build(DontKnowAllowed, TwoPeople, Agreed(agreed)).Consensus);
        Assert.Null(Build(DontKnowAllowed, TwoPeople, TeamConversation.None).Consensus);
    }

    [Fact]
    public void An_agreed_weiss_nicht_where_the_question_does_not_offer_it_is_not_taken()
    {
        Assert.Null(Build(Wertung, TwoPeople, Agreed("a=dk")).Consensus);
    }

    // One person "a=1 b=3 c=ja d=4 e=nein": 25 25 100 100 0. The lists and offers follow what the team agreed.
    [Theory]
    [InlineData("", "1.3 2.1", "1.1 1.2 2.2", "peer-meeting webinar")]
    [InlineData("a=4", "1.1 1.3 2.1", "1.2 2.2", "webinar")]           // 100 25 100 100 0: mean 65
    [InlineData("d=nr", "1.3", "2.2", "peer-meeting webinar")]     // d leaves: 25 25 100 0, mean 37.5
    [InlineData("a=4 b=0 e=ja", "", "", "")]                           // all at 100: even, nothing to offer
    public void Strengths_development_areas_and_offers_follow_the_consensus(string agreed, string strengths, string weaknesses, string offers)
    {
        var report = Build(Wertung, ["a=1 b=3 c=ja d=4 e=nein"], Agreed(agreed));

        Assert.Equal(strengths, string.Join(' ', report.Strengths.Select(s => s.Number)));
        Assert.Equal(weaknesses, string.Join(' ', report.Weaknesses.Select(w => w.Item.Number)));
        Assert.Equal(offers, string.Join(' ', report.SupportNeeds.Select(n => n.OfferId)));
    }

    [Fact]
    public void The_checklist_follows_the_consensus_too()
    {
        Assert.Contains("1.1", Build(Wertung, ["a=1 b=3 c=ja d=4 e=nein"], TeamConversation.None).Checklist!.SelectMany(s => s.Items).Select(i => i.Number));
        Assert.DoesNotContain("1.1", Build(Wertung, ["a=1 b=3 c=ja d=4 e=nein"], Agreed("a=4")).Checklist!.SelectMany(s => s.Items).Select(i => i.Number));
    }

    [Fact]
    public void An_agreed_item_in_the_lists_says_so_and_shows_the_agreed_answer()
    {
        var report = Build(Wertung, TwoPeople, Agreed("a=4"));

        var a = report.Strengths.Single(s => s.Number == "1.1");
        Assert.True(a.Agreed);
        Assert.Equal(new AnswerSummary(AnswerState.Answered, 100m, 1, new ChoiceRef("immer", "4"), new ChoiceRef("immer", "4"), 0, 0, false), a.Answer);
        Assert.All(report.Strengths.Concat(report.Weaknesses.Select(w => w.Item)).Where(i => i.Number != "1.1"), i => Assert.False(i.Agreed));
        // The questions to discuss remain the team's individual answers: the conversation settled them, the spread was real.
        Assert.Contains(report.Team!.Discuss, d => d.Item.Number == "1.1" && !d.Item.Agreed);
    }

    [Fact]
    public void The_details_keep_the_individual_answers_and_add_the_agreed_one_with_its_note()
    {
        var conversation = new TeamConversation([new AgreedAnswer("a", new Answer.Choice("3"), "Wir treffen uns monatlich.")], []);

        var report = Build(Wertung, TwoPeople, conversation);

        var a = report.Details[0].Items[0];
        Assert.Equal(AnswerState.Answered, a.Answer.State);
        Assert.Equal(2, a.Answer.Answers);                                             // still both people's answers
        Assert.Equal(new ChoiceRef("oft", "3"), a.Agreed!.Lowest);
        Assert.False(a.Agreed.Team);
        Assert.Equal("Wir treffen uns monatlich.", a.AgreedNote);
        Assert.All(report.Details.SelectMany(d => d.Items).Where(i => i != a), i => Assert.Null(i.Agreed));
        Assert.All(Build(Wertung, TwoPeople, Agreed("a=9")).Details.SelectMany(d => d.Items), i => Assert.Null(i.Agreed)); // not an answer a could take
    }

    private static TeamAction Action(long id, string question, string? due, ActionStatus status = ActionStatus.Open, string? who = null, int round = 1) =>
        new(id, question, $"Maßnahme {id}", who, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), status, round);

    [Fact]
    public void The_action_plan_lists_the_rounds_actions_by_due_date_undated_last_then_in_questionnaire_order()
    {
        var report = Build(Wertung, TwoPeople, Agreed("",
            Action(1, "d", "2027-03-01", who: "Ben"),
            Action(2, "a", null),
            Action(3, "e", "2027-01-15", who: "Cem"),
            Action(4, "b", "2027-03-01"),
            Action(5, "c", null)));

        Assert.Null(report.Consensus);
        Assert.Equal(["2.2", "1.2", "2.1", "1.1", "1.3"], report.Actions.Select(a => a.Number));
        var first = report.Actions[0];
        Assert.Equal(new ActionLine(3, "2.2", "Frage E?", "2", "Außen", "Maßnahme 3", "Cem", new DateOnly(2027, 1, 15), ActionStatus.Open, 1), first);
        Assert.Equal(first, report.NextAction);
    }

    [Theory]
    [InlineData(new[] { ActionStatus.Done, ActionStatus.Open }, 2L)]       // done ones are not next
    [InlineData(new[] { ActionStatus.Done, ActionStatus.Done }, null)]
    public void The_next_action_is_the_earliest_due_one_not_yet_done(ActionStatus[] statuses, long? next)
    {
        var report = Build(Wertung, TwoPeople, Agreed("",
            Action(1, "a", "2027-01-01", statuses[0]),
            Action(2, "b", "2027-02-01", statuses[1]),
            Action(3, "c", null)));

        Assert.Equal(next, report.NextAction?.Id);
    }

    [Fact]
    public void An_action_on_a_question_the_guide_no_longer_has_stays_in_the_plan_last_without_a_number()
    {
        var report = Build(Wertung, TwoPeople, Agreed("", Action(1, "gone", null), Action(2, "e", null)));

        Assert.Equal(["2.2", null], report.Actions.Select(a => a.Number));
        Assert.Null(report.Actions[1].SectionTitle);
        Assert.Equal("Maßnahme 1", report.Actions[1].What);
    }

    // Before: 25 25 0 | 0 0 → Innen 18.75 (19), Außen 0; now: 75 75 100 | 100 0 → Innen 81.25 (81), Außen 50.
    [Fact]
    public void The_trend_counts_how_far_the_last_rounds_actions_were_carried_out_and_gives_each_its_sections_change()
    {
        var before = Scorer.Score(Wertung, Gruendung, [Person("a=1 b=3 c=nein d=0 e=nein")]);
        var now = Scorer.Score(Wertung, Gruendung, [Person("a=3 b=1 c=ja d=4 e=nein")]);
        var previous = new PreviousRound(1, before)
        {
            Conversation = Agreed("",
                Action(1, "a", "2026-06-01", ActionStatus.Done),
                Action(2, "d", "2026-03-01", ActionStatus.Partly),
                Action(3, "b", null, ActionStatus.NotDone),
                Action(4, "e", "2026-09-01", ActionStatus.Open),
                Action(5, "gone", null, ActionStatus.Done)),
        };

        var trend = ProfileBuilder.Build(now, Offers, Subject with { RoundNumber = 2 }, previous).Trend!;

        Assert.Equal((2, 1, 1, 1), (trend.ActionsWith(ActionStatus.Done), trend.ActionsWith(ActionStatus.Partly), trend.ActionsWith(ActionStatus.NotDone), trend.ActionsWith(ActionStatus.Open)));
        Assert.Equal(["2.1", "1.1", "2.2", "1.2", null], trend.Actions.Select(a => a.Action.Number));
        Assert.Equal([50m, 62m, 50m, 62m, null], trend.Actions.Select(a => a.Section?.Delta));
        Assert.Equal("1 Innen", trend.Actions[1].Section!.Label);
        Assert.Equal(ActionStatus.Partly, trend.Actions[0].Action.Status);
    }

    [Fact]
    public void Without_actions_in_the_last_round_the_trend_has_none()
    {
        var before = Scorer.Score(Wertung, Gruendung, [Person("a=1 b=3 c=nein d=0 e=nein")]);
        var now = Scorer.Score(Wertung, Gruendung, [Person("a=3 b=1 c=ja d=4 e=nein")]);

        var trend = ProfileBuilder.Build(now, Offers, Subject with { RoundNumber = 2 }, new PreviousRound(1, before)).Trend!;

        Assert.Empty(trend.Actions);
    }

    [Fact]
    public void The_method_text_says_what_follows_the_consensus_and_what_stays_with_the_mean()
    {
        var text = MethodText.Markdown.ReplaceLineEndings(" ");

        Assert.Contains("Stärken, Entwicklungsfelder, passende Angebote und die Checkliste folgen den vereinbarten Antworten", text, StringComparison.Ordinal);
        Assert.Contains("Die Abschnittswerte, der Gesamtwert, die Einigkeit, der Diskussionsbedarf, die Entwicklung und der Vergleich mit anderen Initiativen bleiben beim Mittelwert", text, StringComparison.Ordinal);
        Assert.Contains("Maßnahmen ohne Termin zuletzt", text, StringComparison.Ordinal);
    }
}
