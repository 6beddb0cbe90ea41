using Dapper;
using SelfEval.Web.Data;

namespace SelfEval.Web.Assessments;

/// <summary>The coordinator's hand on the people of a round: remove, merge, reissue a link, release the team profile.</summary>
public sealed class PeopleStore(Database db, TimeProvider clock)
{
    /// <summary>
    /// Removes a team member of the round. Without <paramref name="keepAnswers"/> the person and their answers are gone;
    /// with it only the link and the entry in the list go, and the answers count on as final (so a choice at closing to
    /// leave out unfinished answers does not drop what the coordinator decided to keep). The coordinator's own entry stays.
    /// </summary>
    public bool Remove(long roundId, long respondentId, bool keepAnswers)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var now = clock.Stamp();
        var changed = keepAnswers
            ? connection.Execute(
                """
                UPDATE respondents SET token_hash = NULL, removed_at = @now, finished_at = COALESCE(finished_at, @now), updated_at = @now
                WHERE id = @respondentId AND round_id = @roundId AND is_coordinator = 0 AND removed_at IS NULL
                """,
                new { roundId, respondentId, now }, tx)
            : connection.Execute(
                "DELETE FROM respondents WHERE id = @respondentId AND round_id = @roundId AND is_coordinator = 0 AND removed_at IS NULL",
                new { roundId, respondentId }, tx);
        if (changed > 0 && !keepAnswers)
        {
            connection.Execute("DELETE FROM answers WHERE respondent_id = @respondentId", new { respondentId }, tx);
            Activity.Touch(connection, tx, roundId, now);
        }

        tx.Commit();
        return changed > 0;
    }

    /// <summary>
    /// Folds <paramref name="otherId"/> into <paramref name="keepId"/> (the same person who joined twice): per question the
    /// answer changed later wins (answers.updated_at moves only when an answer changes, not when a page is saved again),
    /// the other entry and its link are gone, the sharing is the more private of the two, and the kept entry stays
    /// finished only if it was. Members only: the coordinator's answers are shown one by one as theirs.
    /// </summary>
    public bool Merge(long roundId, long keepId, long otherId)
    {
        if (keepId == otherId)
        {
            return false;
        }

        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var both = connection.Query<(long Id, string? Label, string Sharing, string? Reissued)>(
            """
            SELECT id, label, sharing, reissued_sharing FROM respondents
            WHERE id IN (@keepId, @otherId) AND round_id = @roundId AND is_coordinator = 0 AND removed_at IS NULL
            """,
            new { roundId, keepId, otherId }, tx).ToList();
        if (both.Count != 2)
        {
            return false;
        }

        var keep = both.Single(r => r.Id == keepId);
        var other = both.Single(r => r.Id == otherId);
        var sharing = MorePrivate(AnswerSharingValues.Parse(keep.Sharing), AnswerSharingValues.Parse(other.Sharing));
        string? reissued = (keep.Reissued, other.Reissued) switch
        {
            (null, null) => null,
            ({ } k, null) => k,
            (null, { } o) => o,
            ({ } k, { } o) => MorePrivate(AnswerSharingValues.Parse(k), AnswerSharingValues.Parse(o)).Value(),
        };

        // Ties go to the kept entry: it is the one the coordinator chose.
        connection.Execute(
            """
            INSERT INTO answers (respondent_id, question_id, value_json, not_relevant, justification, dont_know, evidence, updated_at, hidden)
            SELECT @keepId, question_id, value_json, not_relevant, justification, dont_know, evidence, updated_at, hidden
            FROM answers WHERE respondent_id = @otherId
            ON CONFLICT (respondent_id, question_id) DO UPDATE SET
                value_json = excluded.value_json, not_relevant = excluded.not_relevant, justification = excluded.justification,
                dont_know = excluded.dont_know, evidence = excluded.evidence, updated_at = excluded.updated_at, hidden = excluded.hidden
            WHERE excluded.updated_at > answers.updated_at
            """,
            new { keepId, otherId }, tx);
        connection.Execute("DELETE FROM answers WHERE respondent_id = @otherId", new { otherId }, tx);
        connection.Execute("DELETE FROM respondents WHERE id = @otherId", new { otherId }, tx);
        connection.Execute(
            """
            UPDATE respondents SET sharing = @sharing, reissued_sharing = @reissued, label = COALESCE(label, @label), updated_at = @now
            WHERE id = @keepId
            """,
            new { keepId, sharing = sharing.Value(), reissued, label = other.Label, now = clock.Stamp() }, tx);
        tx.Commit();
        return true;
    }

    /// <summary>Of two choices the one that shows less: not at all, then as "Person B", then with the name.</summary>
    public static AnswerSharing MorePrivate(AnswerSharing a, AnswerSharing b) => Reveals(a) <= Reveals(b) ? a : b;

    private static int Reveals(AnswerSharing sharing) => sharing switch
    {
        AnswerSharing.None => 0,
        AnswerSharing.Pseudonym => 1,
        AnswerSharing.Name => 2,
        _ => 0,
    };

    /// <summary>
    /// Gives a member a new link; the old one stops working at once. The coordinator holds the new link, so for
    /// someone who does not share by name the answers saved so far are hidden from it: they count in the team's
    /// figures as before but no page of the link shows them, and the person answers again (a new answer replaces
    /// the hidden one). Hidden answers never appear one by one, except under the pseudonym they already had.
    /// </summary>
    /// <returns>Whether the member was found, and whether answers were hidden.</returns>
    public (bool Found, bool Hidden) Reissue(long roundId, long respondentId, byte[] tokenHash)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var person = connection.QuerySingleOrDefault<(long Id, string Sharing, string? ClosedAt)>(
            """
            SELECT r.id, r.sharing, rounds.closed_at FROM respondents r JOIN rounds ON rounds.id = r.round_id
            WHERE r.id = @respondentId AND r.round_id = @roundId AND r.is_coordinator = 0 AND r.removed_at IS NULL
            """,
            new { roundId, respondentId }, tx);
        if (person.Id == 0)
        {
            return (false, false);
        }

        var now = clock.Stamp();
        connection.Execute("UPDATE respondents SET token_hash = @tokenHash, updated_at = @now WHERE id = @respondentId", new { respondentId, tokenHash, now }, tx);
        var hide = AnswerSharingValues.Parse(person.Sharing) != AnswerSharing.Name
            && connection.Execute("UPDATE answers SET hidden = 1 WHERE respondent_id = @respondentId AND hidden = 0", new { respondentId }, tx) > 0;
        if (hide)
        {
            // The person answers again; in a closed round nothing can change, so the finished state stays as it was.
            connection.Execute(
                """
                UPDATE respondents SET reissued_sharing = sharing, finished_at = CASE WHEN @closed THEN finished_at END
                WHERE id = @respondentId
                """,
                new { respondentId, closed = person.ClosedAt is not null }, tx);
        }

        tx.Commit();
        return (true, hide);
    }

    /// <summary>Releases the round's team profile to its members, or (with false) withdraws it. Repeating it changes nothing.</summary>
    public void ReleaseToTeam(long roundId, bool released)
    {
        using var connection = db.Open();
        var now = clock.Stamp();
        connection.Execute(
            released
                ? "UPDATE rounds SET team_released_at = COALESCE(team_released_at, @now) WHERE id = @roundId"
                : "UPDATE rounds SET team_released_at = NULL WHERE id = @roundId",
            new { roundId, now });
        Activity.Touch(connection, null, roundId, now);
    }
}
