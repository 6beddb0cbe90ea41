using Dapper;
using Microsoft.Data.Sqlite;
using SelfEval.Web.Data;

namespace SelfEval.Web.Assessments;

public sealed record AssessmentRecord(long Id, string QuestionnaireId, int InviteGeneration, bool ComparisonOptIn, bool IsDemo, string CreatedAt);

// Property records: Dapper fills them by name and converts SQLite's integers to int and bool.

public sealed record RoundRecord
{
    public long Id { get; init; }
    public long AssessmentId { get; init; }
    public int Number { get; init; }
    public long QuestionnaireVersionId { get; init; }
    public string CreatedAt { get; init; } = string.Empty;
    public string? ClosedAt { get; init; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Chosen at closing: only the people who had finished count in the round's results.</summary>
    public bool ExcludesUnfinished { get; init; }
}

public sealed record RespondentRecord
{
    public long Id { get; init; }
    public long RoundId { get; init; }
    public string? Label { get; init; }
    public bool IsCoordinator { get; init; }
    public string CreatedAt { get; init; } = string.Empty;
    public string UpdatedAt { get; init; } = string.Empty;
    public string? FinishedAt { get; init; }
    public string? LastSection { get; init; }

    /// <summary>Whether the coordination may see this person's answers one by one; the coordinator's own answers are theirs anyway.</summary>
    public AnswerSharing Sharing { get; init; }

    public bool IsFinished => FinishedAt is not null;
}

/// <summary>The assessment aggregate: the initiative's links, its rounds, their profile answers and respondents.</summary>
public sealed class AssessmentStore(Database db, TimeProvider clock)
{
    public sealed record NewAssessment(
        string QuestionnaireId, long QuestionnaireVersionId, byte[] CoordinatorTokenHash, byte[] InviteTokenHash,
        bool ComparisonOptIn, string? CoordinatorLabel, IReadOnlyList<StoredAnswer> Profile, bool IsDemo = false);

    public long Create(NewAssessment a)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var now = clock.Stamp();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO assessments (questionnaire_id, coordinator_token_hash, invite_token_hash, comparison_opt_in, is_demo, created_at, updated_at)
            VALUES (@QuestionnaireId, @CoordinatorTokenHash, @InviteTokenHash, @ComparisonOptIn, @IsDemo, @now, @now)
            RETURNING id
            """,
            new { a.QuestionnaireId, a.CoordinatorTokenHash, a.InviteTokenHash, a.ComparisonOptIn, a.IsDemo, now }, tx);
        var roundId = InsertRound(connection, tx, id, 1, a.QuestionnaireVersionId, now);
        InsertCoordinator(connection, tx, roundId, a.CoordinatorLabel, now);
        UpsertProfile(connection, tx, roundId, a.Profile, [], now);
        tx.Commit();
        return id;
    }

    private static long InsertRound(SqliteConnection connection, SqliteTransaction tx, long assessmentId, int number, long versionId, string now) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO rounds (assessment_id, number, questionnaire_version_id, created_at)
            VALUES (@assessmentId, @number, @versionId, @now)
            RETURNING id
            """,
            new { assessmentId, number, versionId, now }, tx);

    private static void InsertCoordinator(SqliteConnection connection, SqliteTransaction tx, long roundId, string? label, string now) =>
        connection.Execute(
            """
            INSERT INTO respondents (round_id, token_hash, label, is_coordinator, created_at, updated_at)
            VALUES (@roundId, NULL, @label, 1, @now, @now)
            """,
            new { roundId, label, now }, tx);

    public AssessmentRecord? FindByCoordinatorToken(string token) => FindBy("coordinator_token_hash", token);

    public AssessmentRecord? FindByInviteToken(string token) => FindBy("invite_token_hash", token);

    private AssessmentRecord? FindBy(string column, string token)
    {
        if (!Tokens.LooksValid(token))
        {
            return null;
        }

        using var connection = db.Open();
        var hash = Tokens.Hash(token);
        var row = connection.QuerySingleOrDefault<(long Id, string QuestionnaireId, long InviteGeneration, long OptIn, long IsDemo, string CreatedAt, byte[] Stored)>(
            $"""
            SELECT id, questionnaire_id, invite_generation, comparison_opt_in, is_demo, created_at, {column}
            FROM assessments WHERE {column} = @hash
            """,
            new { hash });
        return row.Stored is not null && Tokens.Matches(token, row.Stored)
            ? new AssessmentRecord(row.Id, row.QuestionnaireId, (int)row.InviteGeneration, row.OptIn != 0, row.IsDemo != 0, row.CreatedAt)
            : null;
    }

    /// <summary>A team member's own link: the respondent and, through the round, the assessment.</summary>
    public (RespondentRecord Respondent, RoundRecord Round, AssessmentRecord Assessment)? FindByRespondentToken(string token)
    {
        if (!Tokens.LooksValid(token))
        {
            return null;
        }

        // One query for what used to take four connections: every page behind a personal link starts here.
        using var connection = db.Open();
        var hash = Tokens.Hash(token);
        var found = connection.Query<RespondentRecord, RoundRecord, FoundAssessment, (RespondentRecord, RoundRecord, FoundAssessment)>(
            """
            SELECT p.id AS Id, p.round_id AS RoundId, p.label AS Label, p.is_coordinator AS IsCoordinator, p.created_at AS CreatedAt,
                   p.updated_at AS UpdatedAt, p.finished_at AS FinishedAt, p.last_section AS LastSection, p.sharing AS Sharing,
                   r.id AS Id, r.assessment_id AS AssessmentId, r.number AS Number, r.questionnaire_version_id AS QuestionnaireVersionId,
                   r.created_at AS CreatedAt, r.closed_at AS ClosedAt, r.excludes_unfinished AS ExcludesUnfinished,
                   a.id AS Id, a.questionnaire_id AS QuestionnaireId, a.invite_generation AS InviteGeneration, a.comparison_opt_in AS OptIn,
                   a.is_demo AS IsDemo, a.created_at AS CreatedAt, p.token_hash AS Stored
            FROM respondents p JOIN rounds r ON r.id = p.round_id JOIN assessments a ON a.id = r.assessment_id
            WHERE p.token_hash = @hash
            """,
            (respondent, round, assessment) => (respondent, round, assessment),
            new { hash },
            splitOn: "Id,Id").SingleOrDefault();
        if (found.Item3 is not { Stored: { } stored } a || !Tokens.Matches(token, stored))
        {
            return null;
        }

        return (found.Item1, found.Item2, new AssessmentRecord(a.Id, a.QuestionnaireId, (int)a.InviteGeneration, a.OptIn != 0, a.IsDemo != 0, a.CreatedAt));
    }

    private sealed record FoundAssessment
    {
        public long Id { get; init; }
        public string QuestionnaireId { get; init; } = string.Empty;
        public long InviteGeneration { get; init; }
        public long OptIn { get; init; }
        public long IsDemo { get; init; }
        public string CreatedAt { get; init; } = string.Empty;
        public byte[]? Stored { get; init; }
    }

    public AssessmentRecord? Get(long id)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(long Id, string QuestionnaireId, long InviteGeneration, long OptIn, long IsDemo, string CreatedAt)>(
            "SELECT id, questionnaire_id, invite_generation, comparison_opt_in, is_demo, created_at FROM assessments WHERE id = @id", new { id });
        return row.Id == 0 ? null : new AssessmentRecord(row.Id, row.QuestionnaireId, (int)row.InviteGeneration, row.OptIn != 0, row.IsDemo != 0, row.CreatedAt);
    }

    public IReadOnlyList<RoundRecord> GetRounds(long assessmentId)
    {
        using var connection = db.Open();
        return connection.Query<RoundRecord>(
            """
            SELECT id AS Id, assessment_id AS AssessmentId, number AS Number, questionnaire_version_id AS QuestionnaireVersionId,
                   created_at AS CreatedAt, closed_at AS ClosedAt, excludes_unfinished AS ExcludesUnfinished
            FROM rounds WHERE assessment_id = @assessmentId ORDER BY number
            """,
            new { assessmentId }).ToList();
    }

    public RoundRecord? GetRound(long roundId)
    {
        using var connection = db.Open();
        return connection.QuerySingleOrDefault<RoundRecord>(
            """
            SELECT id AS Id, assessment_id AS AssessmentId, number AS Number, questionnaire_version_id AS QuestionnaireVersionId,
                   created_at AS CreatedAt, closed_at AS ClosedAt, excludes_unfinished AS ExcludesUnfinished
            FROM rounds WHERE id = @roundId
            """,
            new { roundId });
    }

    public RoundRecord CurrentRound(long assessmentId) => GetRounds(assessmentId)[^1];

    public IReadOnlyList<RespondentRecord> GetRespondents(long roundId)
    {
        using var connection = db.Open();
        return connection.Query<RespondentRecord>(
            $"{RespondentColumns} WHERE round_id = @roundId ORDER BY is_coordinator DESC, id", new { roundId }).ToList();
    }

    public RespondentRecord? GetRespondent(long respondentId)
    {
        using var connection = db.Open();
        return connection.QuerySingleOrDefault<RespondentRecord>($"{RespondentColumns} WHERE id = @respondentId", new { respondentId });
    }

    public RespondentRecord Coordinator(long roundId)
    {
        using var connection = db.Open();
        return connection.QuerySingle<RespondentRecord>($"{RespondentColumns} WHERE round_id = @roundId AND is_coordinator = 1", new { roundId });
    }

    private const string RespondentColumns =
        """
        SELECT id AS Id, round_id AS RoundId, label AS Label, is_coordinator AS IsCoordinator, created_at AS CreatedAt,
               updated_at AS UpdatedAt, finished_at AS FinishedAt, last_section AS LastSection, sharing AS Sharing
        FROM respondents
        """;

    public long AddRespondent(long roundId, byte[] tokenHash, string? label, AnswerSharing sharing = AnswerSharing.None)
    {
        using var connection = db.Open();
        var now = clock.Stamp();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO respondents (round_id, token_hash, label, is_coordinator, created_at, updated_at, sharing)
            VALUES (@roundId, @tokenHash, @label, 0, @now, @now, @sharing)
            RETURNING id
            """,
            new { roundId, tokenHash, label, now, sharing = sharing.Value() });
    }

    /// <summary>A team member's choice; it may change at any time, also after the round is closed.</summary>
    public void SetSharing(long respondentId, AnswerSharing sharing)
    {
        using var connection = db.Open();
        connection.Execute(
            "UPDATE respondents SET sharing = @sharing, updated_at = @now WHERE id = @respondentId AND is_coordinator = 0",
            new { respondentId, sharing = sharing.Value(), now = clock.Stamp() });
    }

    /// <summary>
    /// The respondents of a round who share under a pseudonym, in the order of their link's hash: random,
    /// so "Person A" says nothing about when someone joined, which the coordinator page shows.
    /// </summary>
    public IReadOnlyList<long> PseudonymOrder(long roundId)
    {
        using var connection = db.Open();
        return connection.Query<long>(
            "SELECT id FROM respondents WHERE round_id = @roundId AND sharing = 'pseudonym' AND is_coordinator = 0 ORDER BY token_hash, id",
            new { roundId }).ToList();
    }

    /// <summary>Marks the respondent's answers final, or (with false) reopens them. Repeating it changes nothing.</summary>
    public void SetFinished(long respondentId, bool finished)
    {
        using var connection = db.Open();
        var now = clock.Stamp();
        connection.Execute(
            finished
                ? "UPDATE respondents SET finished_at = COALESCE(finished_at, @now), updated_at = @now WHERE id = @respondentId"
                : "UPDATE respondents SET finished_at = NULL, updated_at = @now WHERE id = @respondentId",
            new { respondentId, now });
    }

    public void SetLastSection(long respondentId, string sectionId)
    {
        using var connection = db.Open();
        connection.Execute("UPDATE respondents SET last_section = @sectionId WHERE id = @respondentId", new { respondentId, sectionId });
    }

    /// <summary>Closes an open round with the coordinator's choice about unfinished answers; a closed round stays as it was closed.</summary>
    public void CloseRound(long roundId, bool excludeUnfinished = false)
    {
        using var connection = db.Open();
        connection.Execute(
            "UPDATE rounds SET closed_at = @now, excludes_unfinished = @excludeUnfinished WHERE id = @roundId AND closed_at IS NULL",
            new { roundId, now = clock.Stamp(), excludeUnfinished });
    }

    /// <summary>
    /// Opens a closed round again, as long as it is the assessment's latest: its figures leave the comparison until it
    /// is closed again, and the choice about unfinished answers is made anew then.
    /// </summary>
    public void ReopenRound(long roundId)
    {
        using var connection = db.Open();
        using var transaction = connection.BeginTransaction();
        var reopened = connection.Execute(
            """
            UPDATE rounds SET closed_at = NULL, excludes_unfinished = 0
            WHERE id = @roundId AND closed_at IS NOT NULL
              AND number = (SELECT MAX(number) FROM rounds r WHERE r.assessment_id = rounds.assessment_id)
            """,
            new { roundId }, transaction);
        if (reopened > 0)
        {
            connection.Execute("DELETE FROM round_results WHERE round_id = @roundId", new { roundId }, transaction);
        }

        transaction.Commit();
    }

    /// <summary>The round just started and the profile answers it could not take over (see <see cref="ProfileCarryOver"/>).</summary>
    public sealed record NextRound(RoundRecord Round, IReadOnlyList<NotCarried> NotCarried);

    /// <summary>
    /// Starts the next round on the given guide version, carrying over the profile answers that version
    /// accepts. Only after the current round is closed, and only once per closed round.
    /// </summary>
    public NextRound? StartNextRound(long assessmentId, long versionId, SelfEval.Scoring.Model.Questionnaire next)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var current = connection.QuerySingle<(long Id, long Number, string? ClosedAt)>(
            "SELECT id, number, closed_at FROM rounds WHERE assessment_id = @assessmentId ORDER BY number DESC LIMIT 1", new { assessmentId }, tx);
        if (current.ClosedAt is null)
        {
            return null;
        }

        var now = clock.Stamp();
        var roundId = InsertRound(connection, tx, assessmentId, (int)current.Number + 1, versionId, now);
        var label = connection.ExecuteScalar<string?>("SELECT label FROM respondents WHERE round_id = @Id AND is_coordinator = 1", new { current.Id }, tx);
        InsertCoordinator(connection, tx, roundId, label, now);
        var plan = ProfileCarryOver.For(ReadProfile(connection, tx, current.Id), next);
        UpsertProfile(connection, tx, roundId, plan.Carried, [], now);
        tx.Commit();
        return new NextRound(GetRound(roundId)!, plan.NotCarried);
    }

    public IReadOnlyList<StoredAnswer> GetProfile(long roundId)
    {
        using var connection = db.Open();
        return ReadProfile(connection, null, roundId);
    }

    private static List<StoredAnswer> ReadProfile(SqliteConnection connection, SqliteTransaction? tx, long roundId) =>
        connection.Query<(string QuestionId, string? ValueJson, long NotRelevant, string? Justification, long DontKnow)>(
            "SELECT question_id, value_json, not_relevant, justification, dont_know FROM profile_answers WHERE round_id = @roundId",
            new { roundId }, tx)
            .Select(r => new StoredAnswer(r.QuestionId, r.ValueJson, r.NotRelevant != 0, r.Justification, r.DontKnow != 0))
            .ToList();

    public void SaveProfile(long roundId, IReadOnlyList<StoredAnswer> upserts, IReadOnlyList<string> clears)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        UpsertProfile(connection, tx, roundId, upserts, clears, clock.Stamp());
        tx.Commit();
    }

    private static void UpsertProfile(SqliteConnection connection, SqliteTransaction tx, long roundId, IReadOnlyList<StoredAnswer> upserts, IReadOnlyList<string> clears, string now)
    {
        connection.Execute(
            """
            INSERT INTO profile_answers (round_id, question_id, value_json, not_relevant, justification, dont_know, updated_at)
            VALUES (@roundId, @QuestionId, @ValueJson, @NotRelevant, @Justification, @DontKnow, @now)
            ON CONFLICT (round_id, question_id) DO UPDATE SET
                value_json = excluded.value_json, not_relevant = excluded.not_relevant,
                justification = excluded.justification, dont_know = excluded.dont_know, updated_at = excluded.updated_at
            """,
            upserts.Select(a => new { roundId, a.QuestionId, a.ValueJson, a.NotRelevant, a.Justification, a.DontKnow, now }), tx);
        connection.Execute(
            "DELETE FROM profile_answers WHERE round_id = @roundId AND question_id = @questionId",
            clears.Select(questionId => new { roundId, questionId }), tx);
    }

    public void SetComparisonOptIn(long assessmentId, bool optIn)
    {
        using var connection = db.Open();
        connection.Execute(
            "UPDATE assessments SET comparison_opt_in = @optIn, updated_at = @now WHERE id = @assessmentId",
            new { assessmentId, optIn, now = clock.Stamp() });
    }

    /// <summary>Moves the invitation to its next generation; the old link stops working at once.</summary>
    public void ReplaceInvite(long assessmentId, int newGeneration, byte[] newHash)
    {
        using var connection = db.Open();
        connection.Execute(
            "UPDATE assessments SET invite_generation = @newGeneration, invite_token_hash = @newHash, updated_at = @now WHERE id = @assessmentId",
            new { assessmentId, newGeneration, newHash, now = clock.Stamp() });
    }

    /// <summary>Removes the assessment with every round, profile answer, respondent and answer.</summary>
    public void Delete(long assessmentId)
    {
        using var connection = db.Open();
        connection.Execute("DELETE FROM assessments WHERE id = @assessmentId", new { assessmentId });
    }
}
