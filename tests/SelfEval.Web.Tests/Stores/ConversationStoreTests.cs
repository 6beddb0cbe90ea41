using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests.Stores;

/// <summary>The team conversation's agreed answers and actions on a real SQLite file.</summary>
public sealed class ConversationStoreTests : IDisposable
{
    private readonly StoreFixture _f = new(TestPaths.TestQuestionnaires);
    private readonly AssessmentStore _assessments;
    private readonly ConversationStore _store;

    public ConversationStoreTests()
    {
        _assessments = new AssessmentStore(_f.Database, _f.Clock);
        _store = new ConversationStore(_f.Database, _f.Versions, _f.Clock);
    }

    public void Dispose() => _f.Dispose();

    private Questionnaire Guide => _f.Catalog.Find(TestGuides.Aufbau)!;

    /// <summary>Scored questions with levels and "nicht relevant", whatever the guide calls them.</summary>
    private List<Question> Scales => Guide.Questions.Where(q => q.Scored && q.Options.Count > 2 && q.AllowsNotRelevant).ToList();

    private (long Assessment, RoundRecord Round) NewAssessment()
    {
        var coordinator = Tokens.New();
        var id = _assessments.Create(new AssessmentStore.NewAssessment(
            Guide.Id, _f.Versions.Ensure(Guide), Tokens.Hash(coordinator), Tokens.Hash(Tokens.Invite(coordinator, 1)), false, "Anna",
            [StoredAnswer.From("name", new Answer.Text("Initiative Nord"))]));
        return (id, _assessments.CurrentRound(id));
    }

    private RoundRecord NextRound(long assessment)
    {
        _assessments.CloseRound(_assessments.CurrentRound(assessment).Id);
        _f.Clock.Advance(TimeSpan.FromDays(400));
        return _assessments.StartNextRound(assessment, _f.Versions.Ensure(Guide), Guide)!.Round;
    }

    [Fact]
    public void Agreed_answers_come_back_as_the_answers_of_their_questions_with_their_notes_and_the_last_save_wins()
    {
        var (_, round) = NewAssessment();
        var (a, b, c) = (Scales[0], Scales[1], Scales[2]);

        _store.Save(round.Id, a.Id, StoredAnswer.From(a.Id, new Answer.Choice(a.Options[0].Value)), "erst so");
        _store.Save(round.Id, a.Id, StoredAnswer.From(a.Id, new Answer.Choice(a.Options[2].Value)), "Wir haben schon Kontakt zur Kammer.");
        _store.Save(round.Id, b.Id, StoredAnswer.From(b.Id, new Answer.NotRelevant("Kein Thema für uns")), null);
        _store.Save(round.Id, c.Id, StoredAnswer.From(c.Id, new Answer.DontKnow()), "Fragen wir nach");
        var read = _store.Read(round.Id);

        Assert.Equal(
            [new AgreedAnswer(a.Id, new Answer.Choice(a.Options[2].Value), "Wir haben schon Kontakt zur Kammer."),
             new AgreedAnswer(b.Id, new Answer.NotRelevant("Kein Thema für uns"), null),
             new AgreedAnswer(c.Id, new Answer.DontKnow(), "Fragen wir nach")],
            read.Agreed);
        Assert.Empty(read.Actions);
        Assert.Equal([a.Id, b.Id, c.Id], _store.Topics(round.Id));
    }

    [Fact]
    public void The_round_reader_brings_the_conversation_with_the_answers_it_settles()
    {
        var (_, round) = NewAssessment();
        var a = Scales[0];
        _store.Save(round.Id, a.Id, StoredAnswer.From(a.Id, new Answer.Choice(a.Options[1].Value)), "So sehen wir es gemeinsam.");

        var data = new RoundReader(_f.Database, _f.Versions).Read(round);

        Assert.Equal(_store.Read(round.Id).Agreed, data.Conversation.Agreed);
        Assert.Equal([new AgreedAnswer(a.Id, new Answer.Choice(a.Options[1].Value), "So sehen wir es gemeinsam.")], data.Conversation.Agreed);
    }

    [Fact]
    public void A_topic_added_without_an_answer_is_on_the_agenda_but_not_agreed_and_adding_it_again_keeps_its_answer()
    {
        var (_, round) = NewAssessment();
        var a = Scales[0];

        _store.AddTopic(round.Id, a.Id);
        Assert.Equal([a.Id], _store.Topics(round.Id));
        Assert.True(_store.Read(round.Id).IsEmpty);

        _store.Save(round.Id, a.Id, StoredAnswer.From(a.Id, new Answer.Choice(a.Options[1].Value)), null);
        _store.AddTopic(round.Id, a.Id);

        Assert.Equal(new Answer.Choice(a.Options[1].Value), Assert.Single(_store.Read(round.Id).Agreed).Answer);
    }

    [Fact]
    public void Actions_carry_their_round_and_are_marked_from_the_next_round_only_for_that_round()
    {
        var (assessment, first) = NewAssessment();
        var a = Scales[0];
        _store.Save(first.Id, a.Id, null, null, new ConversationStore.NewAction("Gespräch mit der Kammer", "Anna und Ben", new DateOnly(2026, 6, 30)));
        var other = _store.AddAction(first.Id, a.Id, new ConversationStore.NewAction("Satzung entwerfen", null, null));
        var stranger = NewAssessment();
        var foreign = _store.AddAction(stranger.Round.Id, a.Id, new ConversationStore.NewAction("Fremd", null, null));
        var second = NextRound(assessment);

        var open = _store.Read(first.Id).Actions;
        Assert.Equal(["Gespräch mit der Kammer", "Satzung entwerfen"], open.Select(x => x.What));
        Assert.All(open, x => Assert.Equal((ActionStatus.Open, 1), (x.Status, x.RoundNumber)));
        Assert.Equal(("Anna und Ben", new DateOnly(2026, 6, 30)), (open[0].Who, open[0].Due));

        var changed = _store.Mark(first.Id, second.Id, new Dictionary<long, ActionStatus> { [open[0].Id] = ActionStatus.Done, [other] = ActionStatus.Partly, [foreign] = ActionStatus.Done });

        Assert.Equal(2, changed);
        Assert.Equal([ActionStatus.Done, ActionStatus.Partly], _store.Read(first.Id).Actions.Select(x => x.Status));
        Assert.All(_store.Actions(first.Id), x => Assert.Equal(second.Id, x.StatusRoundId));
        Assert.Equal(ActionStatus.Open, Assert.Single(_store.Read(stranger.Round.Id).Actions).Status);
        Assert.False(_store.RemoveAction(first.Id, other)); // looked back on: it stays part of the record
    }

    [Fact]
    public void The_same_action_sent_twice_is_taken_on_once()
    {
        var (_, round) = NewAssessment();
        var action = new ConversationStore.NewAction("Satzung entwerfen", null, new DateOnly(2026, 5, 1));

        var first = _store.AddAction(round.Id, Scales[0].Id, action);
        _store.Save(round.Id, Scales[0].Id, null, null, action);

        Assert.Equal(first, Assert.Single(_store.Actions(round.Id)).Id);
        Assert.NotEqual(first, _store.AddAction(round.Id, Scales[0].Id, action with { Who = "Ben" }));
    }

    [Fact]
    public void The_next_round_reads_what_the_last_closed_round_agreed_in_that_rounds_guide_version()
    {
        var (assessment, first) = NewAssessment();
        var a = Scales[0];
        _store.Save(first.Id, a.Id, StoredAnswer.From(a.Id, new Answer.Choice(a.Options[1].Value)), "so war es");
        _store.AddTopic(first.Id, Scales[1].Id); // on the agenda, never agreed: nothing to recall

        Assert.Empty(_store.AgreedBefore(assessment, first.Number).Agreed);
        var second = NextRound(assessment);
        var (agreed, questionnaire) = _store.AgreedBefore(assessment, second.Number);

        Assert.Equal([new AgreedAnswer(a.Id, new Answer.Choice(a.Options[1].Value), "so war es")], agreed);
        Assert.Equal(Guide.Hash, questionnaire!.Hash);
        Assert.Empty(_store.AgreedBefore(NewAssessment().Assessment, 2).Agreed);
    }

    [Fact]
    public void An_oversized_note_or_action_is_refused_and_leaves_what_was_saved()
    {
        var (_, round) = NewAssessment();
        var a = Scales[0];
        _store.Save(round.Id, a.Id, StoredAnswer.From(a.Id, new Answer.Choice(a.Options[1].Value)), "kurz");

        Assert.Throws<ArgumentOutOfRangeException>(() => _store.Save(round.Id, a.Id, null, new string('x', ConversationStore.NoteLimit + 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.Save(round.Id, a.Id, null, "neu", new ConversationStore.NewAction(new string('x', ConversationStore.WhatLimit + 1), null, null)));

        Assert.Equal(new AgreedAnswer(a.Id, new Answer.Choice(a.Options[1].Value), "kurz"), Assert.Single(_store.Read(round.Id).Agreed));
        Assert.Empty(_store.Read(round.Id).Actions);
    }

    [Fact]
    public void Deleting_the_assessment_deletes_its_conversation()
    {
        var (assessment, round) = NewAssessment();
        _store.Save(round.Id, Scales[0].Id, null, "x", new ConversationStore.NewAction("Tun", null, null));

        _assessments.Delete(assessment);

        using var connection = _f.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT (SELECT COUNT(*) FROM team_agreements) + (SELECT COUNT(*) FROM team_actions)"));
    }
}
