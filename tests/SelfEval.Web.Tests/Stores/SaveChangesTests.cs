using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests.Stores;

/// <summary>
/// A save posts every answer of the section, of which usually one changed. Only rows that differ are written, so an
/// answer's updated_at says when it last changed; what a save guarantees stays as it was (the respondent row and the
/// assessment's last activity move on every save, a re-saved hidden answer becomes visible).
/// </summary>
public sealed class SaveChangesTests : IDisposable
{
    private const string Unternehmen = "test-partner-unternehmen";
    private const string Vereinbarung = "test-partner-vereinbarung";

    private readonly StoreFixture _f = new(TestPaths.TestQuestionnaires);
    private readonly AssessmentStore _assessments;
    private readonly ResponseStore _responses;
    private readonly long _assessment;
    private readonly long _round;
    private readonly long _member;

    public SaveChangesTests()
    {
        _assessments = new AssessmentStore(_f.Database, _f.Clock);
        _responses = new ResponseStore(_f.Database, _f.Clock);
        var guide = _f.Catalog.Find(TestGuides.Aufbau)!;
        var coordinator = Tokens.New();
        _assessment = _assessments.Create(new AssessmentStore.NewAssessment(
            guide.Id, _f.Versions.Ensure(guide), Tokens.Hash(coordinator), Tokens.Hash(Tokens.Invite(coordinator, 1)), false, "Anna",
            [StoredAnswer.From("name", new Answer.Text("Initiative Nord"))]));
        _round = _assessments.CurrentRound(_assessment).Id;
        _member = _assessments.AddRespondent(_round, Tokens.Hash(Tokens.New()), null);
    }

    public void Dispose() => _f.Dispose();

    private static readonly StoredAnswer First = StoredAnswer.From(Unternehmen, new Answer.Choice("3")) with { Evidence = "Protokoll" };
    private static readonly StoredAnswer Other = StoredAnswer.From(Vereinbarung, new Answer.NotRelevant("passt nicht"));

    private string UpdatedAt(string question)
    {
        using var connection = _f.Database.Open();
        return connection.ExecuteScalar<string>(
            "SELECT updated_at FROM answers WHERE respondent_id = @member AND question_id = @question", new { member = _member, question })!;
    }

    private string Stamp(string sql)
    {
        using var connection = _f.Database.Open();
        return connection.ExecuteScalar<string>(sql, new { member = _member, assessment = _assessment })!;
    }

    /// <summary>Both answers saved at 09:00, then the clock moved on a minute.</summary>
    private string SaveBothThenWait()
    {
        Assert.True(_responses.Save(_member, [First, Other], [], null));
        var saved = UpdatedAt(Unternehmen);
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        return saved;
    }

    [Fact]
    public void An_unchanged_answer_saved_again_keeps_its_updated_at_while_a_changed_one_beside_it_moves()
    {
        var saved = SaveBothThenWait();

        Assert.True(_responses.Save(_member, [First, StoredAnswer.From(Vereinbarung, new Answer.Choice("2"))], [], null));

        Assert.Equal(saved, UpdatedAt(Unternehmen));
        Assert.Equal(_f.Clock.Stamp(), UpdatedAt(Vereinbarung));
        Assert.Equal("\"2\"", _responses.Get(_member).Single(a => a.QuestionId == Vereinbarung).ValueJson);
    }

    public static TheoryData<string> Changes() => ["value", "justification", "evidence", "evidence removed", "dont_know", "not_relevant"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_part_of_an_answer_that_changes_moves_its_updated_at_and_is_stored(string change)
    {
        SaveBothThenWait();
        var changed = change switch
        {
            "value" => First with { ValueJson = "\"4\"" },
            "justification" => First with { Justification = "eine Begründung" },
            "evidence" => First with { Evidence = "Satzung" },
            "evidence removed" => First with { Evidence = null },
            "dont_know" => StoredAnswer.From(Unternehmen, new Answer.DontKnow()) with { Evidence = "Protokoll" },
            "not_relevant" => StoredAnswer.From(Unternehmen, new Answer.NotRelevant(null)) with { Evidence = "Protokoll" },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.True(_responses.Save(_member, [changed, Other], [], null));

        Assert.Equal(_f.Clock.Stamp(), UpdatedAt(Unternehmen));
        Assert.Equal(changed, _responses.Get(_member).Single(a => a.QuestionId == Unternehmen));
    }

    [Fact]
    public void An_answer_hidden_by_a_reissued_link_becomes_visible_again_when_saved_with_the_same_value()
    {
        SaveBothThenWait();
        using (var connection = _f.Database.Open())
        {
            connection.Execute("UPDATE answers SET hidden = 1 WHERE respondent_id = @member", new { member = _member });
        }

        Assert.Empty(_responses.Get(_member));

        Assert.True(_responses.Save(_member, [First], [], null));

        Assert.Equal([First], _responses.Get(_member));
        Assert.Equal(_f.Clock.Stamp(), UpdatedAt(Unternehmen));
        Assert.Equal("1", Stamp("SELECT COUNT(*) FROM answers WHERE respondent_id = @member AND hidden = 1"));
    }

    [Fact]
    public void A_save_that_changes_no_answer_still_moves_the_respondent_and_the_assessments_last_activity()
    {
        SaveBothThenWait();

        Assert.True(_responses.Save(_member, [First, Other], [], TestGuides.PartnerSection));

        Assert.Equal(_f.Clock.Stamp(), Stamp("SELECT updated_at FROM respondents WHERE id = @member"));
        Assert.Equal(_f.Clock.Stamp(), Stamp("SELECT last_activity_at FROM assessments WHERE id = @assessment"));
        Assert.Equal(TestGuides.PartnerSection, Stamp("SELECT last_section FROM respondents WHERE id = @member"));
    }

    [Fact]
    public void The_round_stamp_moves_with_a_save_that_changes_an_answer_even_while_the_clock_stands_still()
    {
        Assert.True(_responses.Save(_member, [First, Other], [], null));
        var before = _responses.RoundStamp([_round]);

        Assert.True(_responses.Save(_member, [First with { ValueJson = "\"1\"" }, Other], [], null));

        Assert.NotEqual(before, _responses.RoundStamp([_round]));
    }

    [Fact]
    public void A_save_that_fails_midway_leaves_nothing_behind_and_the_next_save_goes_through()
    {
        SaveBothThenWait();
        var before = Stamp("SELECT updated_at FROM respondents WHERE id = @member");

        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() =>
            _responses.Save(_member, [First with { ValueJson = "\"1\"" }, new StoredAnswer(null!, "\"2\"", false, null)], [], null));

        Assert.Equal(before, Stamp("SELECT updated_at FROM respondents WHERE id = @member"));
        Assert.Equal("\"3\"", _responses.Get(_member).Single(a => a.QuestionId == Unternehmen).ValueJson);
        Assert.True(_responses.Save(_member, [First with { ValueJson = "\"4\"" }], [], null));
        using var other = new Database(_f.Database.Path);
        using var connection = other.Open();
        Assert.Equal("\"4\"", connection.ExecuteScalar<string>(
            "SELECT value_json FROM answers WHERE respondent_id = @member AND question_id = @Unternehmen", new { member = _member, Unternehmen }));
    }

    [Fact]
    public void Saves_see_what_other_connections_wrote_between_them()
    {
        Assert.True(_responses.Save(_member, [First], [], null));
        using (var connection = _f.Database.Open())
        {
            connection.Execute("DELETE FROM answers WHERE respondent_id = @member", new { member = _member });
        }

        Assert.True(_responses.Save(_member, [First], [], null));
        Assert.Equal([First], _responses.Get(_member));

        _assessments.CloseRound(_round);
        Assert.False(_responses.Save(_member, [First with { ValueJson = "\"1\"" }], [], null));
        Assert.Equal([First], _responses.Get(_member));
    }

    [Fact]
    public void Saves_still_go_through_after_the_database_let_go_of_its_kept_connections()
    {
        Assert.True(_responses.Save(_member, [First], [], null));

        _f.Database.Dispose();

        Assert.True(_responses.Save(_member, [Other], [], null));
        Assert.Equal(2, _responses.Get(_member).Count);
    }

    [Fact]
    public void The_kept_write_connection_is_only_handed_out_inside_the_write_gate()
    {
        Assert.Throws<InvalidOperationException>(() => _f.Database.Write(_ => 0));
    }
}
