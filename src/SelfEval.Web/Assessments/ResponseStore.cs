using System.Collections.Concurrent;
using Dapper;
using SelfEval.Web.Data;

namespace SelfEval.Web.Assessments;

/// <summary>A respondent's answers: one row per question, so people never overwrite each other.</summary>
public sealed class ResponseStore(Database db, TimeProvider clock)
{
    /// <summary>Saves committed per round by this process: a change the stamp sees even when two saves share a clock tick.</summary>
    private readonly ConcurrentDictionary<long, long> _saves = new();

    public IReadOnlyList<StoredAnswer> Get(long respondentId)
    {
        using var connection = db.Open();
        return connection.Query<(string QuestionId, string? ValueJson, long NotRelevant, string? Justification, long DontKnow, string? Evidence)>(
                "SELECT question_id, value_json, not_relevant, justification, dont_know, evidence FROM answers WHERE respondent_id = @respondentId AND hidden = 0",
                new { respondentId })
            .Select(r => new StoredAnswer(r.QuestionId, r.ValueJson, r.NotRelevant != 0, r.Justification, r.DontKnow != 0) { Evidence = r.Evidence })
            .ToList();
    }

    /// <summary>The round's profile answers and one person's own answers, in one query: what every page behind a personal link shows.</summary>
    public (IReadOnlyList<StoredAnswer> Profile, IReadOnlyList<StoredAnswer> Own) GetWithProfile(long roundId, long respondentId) =>
        // Every page behind a link reads this: a prepared statement on a kept connection (Database.Prepared).
        db.Prepared<(IReadOnlyList<StoredAnswer>, IReadOnlyList<StoredAnswer>)>(statements =>
        {
            var profile = new List<StoredAnswer>();
            var own = new List<StoredAnswer>();
            using var row = statements.Read(
                """
                SELECT 1, question_id, value_json, not_relevant, justification, dont_know, NULL FROM profile_answers WHERE round_id = $roundId
                UNION ALL
                SELECT 0, question_id, value_json, not_relevant, justification, dont_know, evidence FROM answers WHERE respondent_id = $respondentId AND hidden = 0
                """,
                ("$roundId", roundId), ("$respondentId", respondentId));
            while (row.Read())
            {
                string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
                (row.GetInt64(0) != 0 ? profile : own).Add(
                    new StoredAnswer(row.GetString(1), Text(2), row.GetInt64(3) != 0, Text(4), row.GetInt64(5) != 0) { Evidence = Text(6) });
            }

            return (profile, own);
        });

    public IReadOnlyDictionary<long, IReadOnlyList<StoredAnswer>> GetForRound(long roundId)
    {
        using var connection = db.Open();
        return connection.Query<(long RespondentId, string QuestionId, string? ValueJson, long NotRelevant, string? Justification, long DontKnow, string? Evidence)>(
                """
                SELECT a.respondent_id, a.question_id, a.value_json, a.not_relevant, a.justification, a.dont_know, a.evidence
                FROM answers a JOIN respondents r ON r.id = a.respondent_id
                WHERE r.round_id = @roundId
                """,
                new { roundId })
            .GroupBy(r => r.RespondentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StoredAnswer>)g.Select(r => new StoredAnswer(r.QuestionId, r.ValueJson, r.NotRelevant != 0, r.Justification, r.DontKnow != 0) { Evidence = r.Evidence }).ToList());
    }

    /// <summary>
    /// A stamp of everything <see cref="RoundReader"/> reads for these rounds (respondents, their answers, the
    /// profile, whether the round is closed) and of the team conversation's agreed answers and actions that changes whenever any of it does, without reading the answers:
    /// counts catch rows added or removed, the latest stamps catch rows changed by any process, and this process's
    /// save counter catches a change within one clock tick (or under a clock that stands still, as in tests).
    /// Read it before the answers, so a view never keeps data older than its stamp.
    /// </summary>
    public string RoundStamp(IReadOnlyCollection<long> roundIds)
    {
        using var connection = db.Open();
        var stored = connection.ExecuteScalar<string>(
            """
            SELECT
                (SELECT COUNT(*) || ':' || IFNULL(MAX(updated_at), '') || ':' || IFNULL(group_concat(id || '.' || IFNULL(sharing, '') || '.' || IFNULL(finished_at, ''), ','), '') FROM respondents WHERE round_id IN @roundIds) || '|' ||
                (SELECT COUNT(*) || ':' || IFNULL(MAX(a.updated_at), '') FROM answers a JOIN respondents r ON r.id = a.respondent_id WHERE r.round_id IN @roundIds) || '|' ||
                (SELECT COUNT(*) || ':' || IFNULL(MAX(updated_at), '') || ':' || IFNULL(group_concat(question_id || '=' || IFNULL(value_json, '') || not_relevant || dont_know, ','), '') FROM profile_answers WHERE round_id IN @roundIds) || '|' ||
                (SELECT IFNULL(group_concat(id || '=' || IFNULL(closed_at, '') || '.' || excludes_unfinished, ','), '') FROM rounds WHERE id IN @roundIds) || '|' ||
                (SELECT COUNT(*) || ':' || IFNULL(group_concat(question_id || '=' || IFNULL(value_json, '') || not_relevant || dont_know || '.' || IFNULL(justification, '') || '.' || IFNULL(note, ''), ','), '') FROM team_agreements WHERE round_id IN @roundIds) || '|' ||
                (SELECT COUNT(*) || ':' || IFNULL(group_concat(id || '=' || question_id || '.' || what || '.' || IFNULL(who, '') || '.' || IFNULL(due, '') || '.' || status, ','), '') FROM team_actions WHERE round_id IN @roundIds)
            """,
            new { roundIds });
        // Hashed: the profile's texts (the initiative's name) are part of the stamp but need not sit in memory as a key.
        var stamp = stored + "|" + string.Join(',', roundIds.Select(id => _saves.GetValueOrDefault(id)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stamp)));
    }

    /// <summary>
    /// Saves what a form held in one transaction: changed answers replaced, cleared ones removed.
    /// Only answers of a respondent whose round is open and who has not finished are written.
    /// A form posts every answer of its section, of which usually one changed: a row that holds the same answer is
    /// left alone, so an answer's <c>updated_at</c> says when it last changed (which the merge of two entries goes by)
    /// and an unchanged row neither writes nor runs the retention trigger. A hidden row (reissued link) is always
    /// written, so an answer given again becomes visible even when it is the same. The respondent row is updated on
    /// every save: its <c>updated_at</c> is the person's last activity and moves the assessment's <c>last_activity_at</c>.
    /// </summary>
    /// <returns>False when nothing could be written because the answers are final.</returns>
    public bool Save(long respondentId, IReadOnlyList<StoredAnswer> upserts, IReadOnlyList<string> clears, string? sectionId)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(clears);
        long round = 0;
        bool saved;
        using (db.WriteGate.EnterScope())
        {
            // The kept write connection with the statements prepared once (Database.Write): compiling them on every
            // save showed up in profiles of the save path.
            saved = db.Write(statements => statements.InTransaction(() =>
            {
                var now = clock.Stamp();
                if (statements.Scalar(
                        """
                        UPDATE respondents SET updated_at = $now, last_section = COALESCE($sectionId, last_section)
                        WHERE id = $respondentId AND finished_at IS NULL
                          AND (SELECT closed_at FROM rounds WHERE rounds.id = respondents.round_id) IS NULL
                        RETURNING round_id
                        """,
                        ("$now", now), ("$sectionId", sectionId), ("$respondentId", respondentId)) is not long roundId)
                {
                    return false;
                }

                round = roundId;
                foreach (var a in upserts)
                {
                    statements.Execute(
                        """
                        INSERT INTO answers (respondent_id, question_id, value_json, not_relevant, justification, dont_know, evidence, updated_at)
                        VALUES ($respondentId, $questionId, $valueJson, $notRelevant, $justification, $dontKnow, $evidence, $now)
                        ON CONFLICT (respondent_id, question_id) DO UPDATE SET
                            value_json = excluded.value_json, not_relevant = excluded.not_relevant,
                            justification = excluded.justification, dont_know = excluded.dont_know, evidence = excluded.evidence, updated_at = excluded.updated_at, hidden = 0
                        WHERE answers.value_json IS NOT excluded.value_json OR answers.not_relevant IS NOT excluded.not_relevant
                           OR answers.justification IS NOT excluded.justification OR answers.dont_know IS NOT excluded.dont_know
                           OR answers.evidence IS NOT excluded.evidence OR answers.hidden = 1
                        """,
                        ("$respondentId", respondentId), ("$questionId", a.QuestionId), ("$valueJson", a.ValueJson), ("$notRelevant", a.NotRelevant),
                        ("$justification", a.Justification), ("$dontKnow", a.DontKnow), ("$evidence", a.Evidence), ("$now", now));
                }

                foreach (var questionId in clears)
                {
                    statements.Execute(
                        "DELETE FROM answers WHERE respondent_id = $respondentId AND question_id = $questionId AND hidden = 0",
                        ("$respondentId", respondentId), ("$questionId", questionId));
                }

                return true;
            }));
        }

        if (saved)
        {
            // Counted only once committed: a view that saw the new count then reads the new answers.
            _saves.AddOrUpdate(round, 1, (_, n) => n + 1);
        }

        return saved;
    }
}
