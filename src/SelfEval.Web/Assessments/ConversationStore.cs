using System.Globalization;
using Dapper;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Assessments;

/// <summary>One action as stored, with the round it was marked in (null while nobody looked back on it).</summary>
public sealed record StoredAction(long Id, long RoundId, string QuestionId, string What, string? Who, DateOnly? Due, ActionStatus Status, long? StatusRoundId);

/// <summary>
/// What a team settled in its conversation after a round (the Teamgespräch): per question the answer it agreed
/// on and why, the topics the facilitator added, and the actions taken on, marked in the next round.
/// </summary>
public sealed class ConversationStore(Database db, QuestionnaireVersionStore versions, TimeProvider clock)
{
    /// <summary>Longest note on why the team agreed: a sentence or two, read aloud in the room.</summary>
    public const int NoteLimit = 500;

    public const int WhatLimit = 300;

    public const int WhoLimit = 100;

    /// <summary>The agreed answers (in the round's own guide version) and the actions decided in the round, with how far they got.</summary>
    public TeamConversation Read(long roundId)
    {
        using var connection = db.Open();
        var round = connection.QuerySingleOrDefault<(long VersionId, long Number)?>(
            "SELECT questionnaire_version_id, number FROM rounds WHERE id = @roundId", new { roundId });
        return round is { } r ? Read(connection, null, versions.Get(r.VersionId), roundId, (int)r.Number) : TeamConversation.None;
    }

    /// <summary>The round's conversation on a connection already open, inside the reader's transaction (see <see cref="RoundReader"/>).</summary>
    internal static TeamConversation Read(System.Data.IDbConnection connection, System.Data.IDbTransaction? tx, SelfEval.Scoring.Model.Questionnaire questionnaire, long roundId, int number)
    {
        var agreed = ReadAgreements(connection, roundId, tx: tx)
            .Select(a => (a.Stored, a.Note, Answer: a.Stored.ToAnswer(questionnaire.FindQuestion(a.Stored.QuestionId))))
            .Where(a => a.Answer is not null)
            .Select(a => new AgreedAnswer(a.Stored.QuestionId, a.Answer!, a.Note))
            .ToList();
        var actions = Actions(connection, roundId, tx)
            .Select(a => new TeamAction(a.Id, a.QuestionId, a.What, a.Who, a.Due, a.Status, number))
            .ToList();
        return new TeamConversation(agreed, actions);
    }

    /// <summary>Every question on the agenda beyond the discussion items, agreed or not, in the order it was put there.</summary>
    public IReadOnlyList<string> Topics(long roundId)
    {
        using var connection = db.Open();
        return connection.Query<string>("SELECT question_id FROM team_agreements WHERE round_id = @roundId ORDER BY created_at, rowid", new { roundId }).ToList();
    }

    /// <summary>The stored agreement of one question (answer or not) and its note; null when the question was never taken up.</summary>
    public (StoredAnswer? Answer, string? Note)? Agreement(long roundId, string questionId)
    {
        using var connection = db.Open();
        return ReadAgreements(connection, roundId, questionId).Select(a => ((StoredAnswer?)(a.HasAnswer ? a.Stored : null), a.Note)).Cast<(StoredAnswer?, string?)?>().FirstOrDefault();
    }

    /// <summary>Puts a question on the agenda without an agreement yet; a question already there stays as it is.</summary>
    public void AddTopic(long roundId, string questionId)
    {
        using var connection = db.Open();
        var now = clock.Stamp();
        connection.Execute(
            """
            INSERT INTO team_agreements (round_id, question_id, created_at, updated_at) VALUES (@roundId, @questionId, @now, @now)
            ON CONFLICT (round_id, question_id) DO NOTHING
            """,
            new { roundId, questionId, now });
    }

    /// <summary>
    /// Stores the agreed answer (null: none yet) and the note, and optionally one new action, in one transaction:
    /// a refused form writes nothing, so what was saved before stays.
    /// </summary>
    public void Save(long roundId, string questionId, StoredAnswer? answer, string? note, NewAction? action = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(note?.Length ?? 0, NoteLimit, nameof(note));
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var now = clock.Stamp();
        connection.Execute(
            """
            INSERT INTO team_agreements (round_id, question_id, value_json, not_relevant, justification, dont_know, note, created_at, updated_at)
            VALUES (@roundId, @questionId, @ValueJson, @NotRelevant, @Justification, @DontKnow, @note, @now, @now)
            ON CONFLICT (round_id, question_id) DO UPDATE SET
                value_json = excluded.value_json, not_relevant = excluded.not_relevant, justification = excluded.justification,
                dont_know = excluded.dont_know, note = excluded.note, updated_at = excluded.updated_at
            """,
            new
            {
                roundId, questionId, answer?.ValueJson, NotRelevant = answer?.NotRelevant ?? false, answer?.Justification,
                DontKnow = answer?.DontKnow ?? false, note, now,
            },
            tx);
        if (action is not null)
        {
            Insert(connection, tx, roundId, questionId, action, now);
        }

        tx.Commit();
    }

    /// <summary>Something the team decided to do; <see cref="Due"/> is a day, who is free text.</summary>
    public sealed record NewAction(string What, string? Who, DateOnly? Due)
    {
        public NewAction Checked()
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(What);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(What.Length, WhatLimit, nameof(What));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Who?.Length ?? 0, WhoLimit, nameof(Who));
            return this;
        }
    }

    public long AddAction(long roundId, string questionId, NewAction action)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var id = Insert(connection, tx, roundId, questionId, action, clock.Stamp());
        tx.Commit();
        return id;
    }

    /// <summary>Removes an action decided in this round, unless a later round already looked back on it.</summary>
    public bool RemoveAction(long roundId, long actionId)
    {
        using var connection = db.Open();
        var removed = connection.Execute(
            "DELETE FROM team_actions WHERE id = @actionId AND round_id = @roundId AND status_round_id IS NULL",
            new { roundId, actionId }) > 0;
        if (removed)
        {
            Activity.Touch(connection, null, roundId, clock.Stamp());
        }

        return removed;
    }

    /// <summary>The actions decided in a round, in the order they were taken on.</summary>
    public IReadOnlyList<StoredAction> Actions(long roundId)
    {
        using var connection = db.Open();
        return Actions(connection, roundId);
    }

    /// <summary>
    /// Marks how far actions of <paramref name="decidedRoundId"/> were carried out, from <paramref name="markingRoundId"/>.
    /// Only actions of that round change; ids of other rounds are ignored.
    /// </summary>
    public int Mark(long decidedRoundId, long markingRoundId, IReadOnlyDictionary<long, ActionStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var now = clock.Stamp();
        var changed = connection.Execute(
            """
            UPDATE team_actions SET status = @status, status_round_id = CASE WHEN @status = 'open' THEN NULL ELSE @markingRoundId END, updated_at = @now
            WHERE id = @id AND round_id = @decidedRoundId AND (status <> @status OR status_round_id IS NOT @markingRoundId)
            """,
            statuses.Select(s => new { id = s.Key, status = Code(s.Value), decidedRoundId, markingRoundId, now }),
            tx);
        tx.Commit();
        return changed;
    }

    /// <summary>
    /// The agreed answers of the last closed round before round <paramref name="number"/> of the assessment, in
    /// that round's guide version, in one query (the section page asks on every view). Empty in the first round.
    /// </summary>
    public (IReadOnlyList<AgreedAnswer> Agreed, SelfEval.Scoring.Model.Questionnaire? Questionnaire) AgreedBefore(long assessmentId, int number)
    {
        if (number <= 1)
        {
            return ([], null);
        }

        using var connection = db.Open();
        var rows = connection.Query<(long VersionId, string QuestionId, string? ValueJson, long NotRelevant, string? Justification, long DontKnow, string? Note)>(
            """
            SELECT r.questionnaire_version_id, a.question_id, a.value_json, a.not_relevant, a.justification, a.dont_know, a.note
            FROM team_agreements a JOIN rounds r ON r.id = a.round_id
            WHERE r.id = (SELECT id FROM rounds WHERE assessment_id = @assessmentId AND number < @number AND closed_at IS NOT NULL ORDER BY number DESC LIMIT 1)
            """,
            new { assessmentId, number }).ToList();
        if (rows.Count == 0)
        {
            return ([], null);
        }

        var questionnaire = versions.Get(rows[0].VersionId);
        var agreed = rows
            .Select(a => (a.QuestionId, a.Note, Answer: new StoredAnswer(a.QuestionId, a.ValueJson, a.NotRelevant != 0, a.Justification, a.DontKnow != 0)))
            .Where(a => a.Answer.ValueJson is not null || a.Answer.NotRelevant || a.Answer.DontKnow)
            .Select(a => (a.QuestionId, a.Note, Answer: a.Answer.ToAnswer(questionnaire.FindQuestion(a.QuestionId))))
            .Where(a => a.Answer is not null)
            .Select(a => new AgreedAnswer(a.QuestionId, a.Answer!, a.Note))
            .ToList();
        return (agreed, questionnaire);
    }

    private static long Insert(System.Data.IDbConnection connection, System.Data.IDbTransaction tx, long roundId, string questionId, NewAction action, string now)
    {
        action.Checked();
        // The same action sent twice (a double click, a reload after saving) is taken on once.
        var values = new { roundId, questionId, action.What, action.Who, due = action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now };
        return connection.ExecuteScalar<long?>(
            "SELECT id FROM team_actions WHERE round_id = @roundId AND question_id = @questionId AND what = @What AND who IS @Who AND due IS @due",
            values, tx)
            ?? connection.ExecuteScalar<long>(
                """
                INSERT INTO team_actions (round_id, question_id, what, who, due, created_at, updated_at)
                VALUES (@roundId, @questionId, @What, @Who, @due, @now, @now)
                RETURNING id
                """,
                values, tx);
    }

    private static List<StoredAction> Actions(System.Data.IDbConnection connection, long roundId, System.Data.IDbTransaction? tx = null) =>
        connection.Query<(long Id, long RoundId, string QuestionId, string What, string? Who, string? Due, string Status, long? StatusRoundId)>(
                "SELECT id, round_id, question_id, what, who, due, status, status_round_id FROM team_actions WHERE round_id = @roundId ORDER BY id",
                new { roundId }, tx)
            .Select(a => new StoredAction(
                a.Id, a.RoundId, a.QuestionId, a.What, a.Who,
                a.Due is null ? null : DateOnly.ParseExact(a.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Status(a.Status), a.StatusRoundId))
            .ToList();

    private sealed record AgreementRow(StoredAnswer Stored, string? Note)
    {
        public bool HasAnswer => Stored.ValueJson is not null || Stored.NotRelevant || Stored.DontKnow;
    }

    private static List<AgreementRow> ReadAgreements(System.Data.IDbConnection connection, long roundId, string? questionId = null, System.Data.IDbTransaction? tx = null) =>
        connection.Query<(string QuestionId, string? ValueJson, long NotRelevant, string? Justification, long DontKnow, string? Note)>(
                """
                SELECT question_id, value_json, not_relevant, justification, dont_know, note FROM team_agreements
                WHERE round_id = @roundId AND (@questionId IS NULL OR question_id = @questionId)
                ORDER BY created_at, rowid
                """,
                new { roundId, questionId }, tx)
            .Select(a => new AgreementRow(new StoredAnswer(a.QuestionId, a.ValueJson, a.NotRelevant != 0, a.Justification, a.DontKnow != 0), a.Note))
            .ToList();

    public static string Code(ActionStatus status) => status switch
    {
        ActionStatus.Open => "open",
        ActionStatus.Done => "done",
        ActionStatus.Partly => "partly",
        ActionStatus.NotDone => "not-done",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static ActionStatus Status(string code) => code switch
    {
        "done" => ActionStatus.Done,
        "partly" => ActionStatus.Partly,
        "not-done" => ActionStatus.NotDone,
        _ => ActionStatus.Open,
    };
}
