using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests.Stores;

/// <summary>The note a person gives with an answer ("Woran machen Sie das fest?"), in the store.</summary>
public sealed class EvidenceStoreTests : IDisposable
{
    private readonly StoreFixture _f = new(TestPaths.TestQuestionnaires);
    private readonly AssessmentStore _assessments;
    private readonly ResponseStore _responses;

    public EvidenceStoreTests()
    {
        _assessments = new AssessmentStore(_f.Database, _f.Clock);
        _responses = new ResponseStore(_f.Database, _f.Clock);
    }

    public void Dispose() => _f.Dispose();

    private Questionnaire Guide => _f.Catalog.Find(TestGuides.Aufbau)!;

    private long NewRound()
    {
        var coordinator = Tokens.New();
        var id = _assessments.Create(new AssessmentStore.NewAssessment(
            Guide.Id, _f.Versions.Ensure(Guide), Tokens.Hash(coordinator), Tokens.Hash(Tokens.Invite(coordinator, 1)), false, "Anna",
            [StoredAnswer.From("name", new Answer.Text("Initiative Nord"))]));
        return _assessments.CurrentRound(id).Id;
    }

    /// <summary>The round's notes per question as every output reads them: in the team's figures, from <see cref="RoundReader"/>.</summary>
    private IReadOnlyList<string> Notes(long round, string question) =>
        RoundAnswers.Of(new RoundReader(_f.Database, _f.Versions).Read(_assessments.GetRound(round)!)).Team.For(question).Evidence;

    private long Member(long round) => _assessments.AddRespondent(round, Tokens.Hash(Tokens.New()), null);

    private static StoredAnswer Level(string question, string level, string? evidence) =>
        StoredAnswer.From(question, new Answer.Choice(level)) with { Evidence = evidence };

    [Fact]
    public void Evidence_is_saved_with_the_answer_read_back_and_cleared_when_saved_without()
    {
        var round = NewRound();
        var member = Member(round);

        _responses.Save(member, [Level("test-partner-unternehmen", "3", "Protokoll der Sitzung vom 4. Mai"), Level("test-ziele-einig", "2", null)], [], null);
        var first = _responses.Get(member).ToDictionary(a => a.QuestionId);
        var round1 = _responses.GetForRound(round)[member].ToDictionary(a => a.QuestionId);
        _responses.Save(member, [Level("test-partner-unternehmen", "4", null)], [], null);

        Assert.Equal("Protokoll der Sitzung vom 4. Mai", first["test-partner-unternehmen"].Evidence);
        Assert.Equal("Protokoll der Sitzung vom 4. Mai", round1["test-partner-unternehmen"].Evidence);
        Assert.Null(first["test-ziele-einig"].Evidence);
        Assert.Null(_responses.Get(member).Single(a => a.QuestionId == "test-partner-unternehmen").Evidence);
    }

    [Fact]
    public void Evidence_without_an_answer_is_kept_and_reads_back_as_no_answer()
    {
        var round = NewRound();
        var member = Member(round);

        _responses.Save(member, [new StoredAnswer("test-partner-unternehmen", null, false, null) { Evidence = "https://example.org/satzung.pdf" }], [], null);

        var saved = Assert.Single(_responses.Get(member));
        Assert.Equal("https://example.org/satzung.pdf", saved.Evidence);
        Assert.Null(saved.ToAnswer(Guide.FindQuestion("test-partner-unternehmen")));
    }

    [Fact]
    public void Answers_given_before_the_evidence_column_existed_stay_as_they_were()
    {
        var round = NewRound();
        var member = Member(round);
        using (var connection = _f.Database.Open())
        {
            // Written as the release before evidence wrote it: no evidence column named.
            connection.Execute(
                "INSERT INTO answers (respondent_id, question_id, value_json, not_relevant, justification, dont_know, updated_at) VALUES (@member, 'test-partner-unternehmen', '\"3\"', 0, NULL, 0, '2026-01-01T00:00:00Z')",
                new { member });
        }

        var saved = Assert.Single(_responses.Get(member));

        Assert.Null(saved.Evidence);
        Assert.Equal(new Answer.Choice("3"), saved.ToAnswer(Guide.FindQuestion("test-partner-unternehmen")));
    }

    [Fact]
    public void A_rounds_evidence_notes_come_per_question_in_alphabetical_order_never_in_the_order_people_joined()
    {
        var round = NewRound();
        var zoe = Member(round);
        var adam = Member(round);
        var other = Member(NewRound());
        _responses.Save(zoe, [Level("test-partner-unternehmen", "3", "Zuerst beigetreten"), Level("test-ziele-einig", "2", "Organigramm")], [], null);
        _responses.Save(adam, [Level("test-partner-unternehmen", "1", "Anschließend beigetreten")], [], null);
        _responses.Save(other, [Level("test-partner-unternehmen", "1", "Andere Initiative")], [], null);

        Assert.Equal(["Anschließend beigetreten", "Zuerst beigetreten"], Notes(round, "test-partner-unternehmen"));
        Assert.Equal(["Organigramm"], Notes(round, "test-ziele-einig"));
        Assert.Empty(Notes(round, "test-ziele-schriftlich"));
    }

    [Fact]
    public void Evidence_notes_leave_out_whoever_the_round_leaves_out_at_closing_and_whoever_gave_no_answer_at_all()
    {
        var round = NewRound();
        var finished = Member(round);
        var unfinished = Member(round);
        var onlyNotes = Member(round);
        _responses.Save(finished, [Level("test-partner-unternehmen", "3", "Beleg einer Person, die fertig ist")], [], null);
        _responses.Save(unfinished, [Level("test-partner-unternehmen", "1", "Beleg einer Person, die nicht fertig ist")], [], null);
        _responses.Save(onlyNotes, [new StoredAnswer("test-partner-unternehmen", null, false, null) { Evidence = "Nur ein Beleg, keine Antwort" }], [], null);
        _assessments.SetFinished(finished, true);

        Assert.Equal(["Beleg einer Person, die fertig ist", "Beleg einer Person, die nicht fertig ist"], Notes(round, "test-partner-unternehmen"));
        _assessments.CloseRound(round, excludeUnfinished: true);
        Assert.Equal(["Beleg einer Person, die fertig ist"], Notes(round, "test-partner-unternehmen"));
    }
}
