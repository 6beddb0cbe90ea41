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

    /// <summary>When the coordinator released the team profile to the members; null while only the coordination sees it.</summary>
    public string? TeamReleasedAt { get; init; }

    public bool IsReleasedToTeam => TeamReleasedAt is not null;
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

    /// <summary>Removed by the coordinator with the answers kept: no link, not listed, still counted.</summary>
    public string? RemovedAt { get; init; }

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>Answers kept from before a reissued link, which that link does not show (see <see cref="PeopleStore.Reissue"/>).</summary>
    public int HiddenAnswers { get; init; }

    /// <summary>The stored sharing choice at the last reissue that hid answers, or null.</summary>
    public string? ReissuedSharing { get; init; }
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

    /// <summary>The initiative's assessment of another guide, as stored with the first one's id (see Tokens.OtherGuide).</summary>
    public sealed record OtherGuideRecord(long Id, string QuestionnaireId, byte[] Salt);

    /// <summary>
    /// Starts the initiative's assessment of another guide beside <paramref name="firstId"/>: its own round 1, coordinator
    /// and carried profile, the first's comparison code where no other assessment of that guide uses it (a code stands for
    /// one initiative, once per guide). Null when the initiative already works on that guide.
    /// </summary>
    public long? CreateOtherGuide(long firstId, NewAssessment a, byte[] salt, byte[] firstLinkSealed)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var taken = connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM assessments WHERE initiative_id = @firstId AND questionnaire_id = @QuestionnaireId",
            new { firstId, a.QuestionnaireId }, tx);
        if (taken > 0)
        {
            return null;
        }

        var now = clock.Stamp();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO assessments (questionnaire_id, coordinator_token_hash, invite_token_hash, comparison_opt_in, is_demo, created_at, updated_at,
                                     initiative_id, initiative_salt, initiative_seal, comparison_code_id)
            SELECT @QuestionnaireId, @CoordinatorTokenHash, @InviteTokenHash, @ComparisonOptIn, @IsDemo, @now, @now, @firstId, @salt, @firstLinkSealed,
                   (SELECT f.comparison_code_id FROM assessments f WHERE f.id = @firstId
                      AND NOT EXISTS (SELECT 1 FROM assessments o WHERE o.comparison_code_id = f.comparison_code_id AND o.questionnaire_id = @QuestionnaireId))
            RETURNING id
            """,
            new { a.QuestionnaireId, a.CoordinatorTokenHash, a.InviteTokenHash, a.ComparisonOptIn, a.IsDemo, now, firstId, salt, firstLinkSealed }, tx);
        var roundId = InsertRound(connection, tx, id, 1, a.QuestionnaireVersionId, now);
        InsertCoordinator(connection, tx, roundId, a.CoordinatorLabel, now);
        UpsertProfile(connection, tx, roundId, a.Profile, [], now);
        tx.Commit();
        return id;
    }

    /// <summary>The assessments of other guides started from <paramref name="firstId"/>.</summary>
    public IReadOnlyList<OtherGuideRecord> OtherGuides(long firstId)
    {
        using var connection = db.Open();
        return connection.Query<(long Id, string QuestionnaireId, byte[] Salt)>(
                "SELECT id, questionnaire_id, initiative_salt FROM assessments WHERE initiative_id = @firstId ORDER BY id", new { firstId })
            .Select(r => new OtherGuideRecord(r.Id, r.QuestionnaireId, r.Salt))
            .ToList();
    }

    /// <summary>For an assessment started from another one: that first assessment and its coordinator link, sealed under this one's.</summary>
    public (long FirstId, byte[] Sealed)? FirstOf(long assessmentId)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(long? FirstId, byte[]? Sealed)>(
            "SELECT initiative_id, initiative_seal FROM assessments WHERE id = @assessmentId", new { assessmentId });
        return row is { FirstId: { } first, Sealed: { } seal } ? (first, seal) : null;
    }

    /// <summary>The hash of an assessment's coordinator link: new for every assessment, so it keys what is derived for it.</summary>
    public byte[] CoordinatorHash(long assessmentId)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<byte[]>("SELECT coordinator_token_hash FROM assessments WHERE id = @assessmentId", new { assessmentId })!;
    }

    /// <summary>The respondent a team member became in the other guide's round, found by the hash of their derived link.</summary>
    public RespondentRecord? FindRespondentByHash(byte[] tokenHash)
    {
        using var connection = db.Open();
        return connection.QuerySingleOrDefault<RespondentRecord>($"{RespondentColumns} WHERE token_hash = @tokenHash", new { tokenHash });
    }

    /// <summary>Whether this person came into their round from their link of the other guide (which leads to both).</summary>
    public bool JoinedFromOtherGuide(long respondentId)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long?>("SELECT joined_from FROM respondents WHERE id = @respondentId", new { respondentId }) is not null;
    }

    /// <summary>A team member joins the other guide's round under the same name and sharing choice, with a link derived from their own.</summary>
    public long AddRespondentFromOtherGuide(long roundId, byte[] tokenHash, RespondentRecord from)
    {
        using var connection = db.Open();
        var now = clock.Stamp();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO respondents (round_id, token_hash, label, is_coordinator, created_at, updated_at, sharing, joined_from)
            VALUES (@roundId, @tokenHash, @Label, 0, @now, @now, @sharing, @Id)
            ON CONFLICT (token_hash) DO UPDATE SET updated_at = updated_at
            RETURNING id
            """,
            new { roundId, tokenHash, from.Label, now, sharing = from.Sharing.Value(), from.Id });
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
                   p.removed_at AS RemovedAt, p.reissued_sharing AS ReissuedSharing,
                   (SELECT COUNT(*) FROM answers h WHERE h.respondent_id = p.id AND h.hidden = 1) AS HiddenAnswers,
                   r.id AS Id, r.assessment_id AS AssessmentId, r.number AS Number, r.questionnaire_version_id AS QuestionnaireVersionId,
                   r.created_at AS CreatedAt, r.closed_at AS ClosedAt, r.excludes_unfinished AS ExcludesUnfinished, r.team_released_at AS TeamReleasedAt,
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
                   created_at AS CreatedAt, closed_at AS ClosedAt, excludes_unfinished AS ExcludesUnfinished, team_released_at AS TeamReleasedAt
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
                   created_at AS CreatedAt, closed_at AS ClosedAt, excludes_unfinished AS ExcludesUnfinished, team_released_at AS TeamReleasedAt
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
               updated_at AS UpdatedAt, finished_at AS FinishedAt, last_section AS LastSection, sharing AS Sharing,
               removed_at AS RemovedAt, reissued_sharing AS ReissuedSharing,
               (SELECT COUNT(*) FROM answers h WHERE h.respondent_id = respondents.id AND h.hidden = 1) AS HiddenAnswers
        FROM respondents
        """;

    public long AddRespondent(long roundId, byte[] tokenHash, string? label, AnswerSharing sharing = AnswerSharing.None)
    {
        using var connection = db.Open();
        var now = clock.Stamp();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO respondents (round_id, token_hash, pseudonym_key, label, is_coordinator, created_at, updated_at, sharing)
            VALUES (@roundId, @tokenHash, @tokenHash, @label, 0, @now, @now, @sharing)
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

    /// <summary>For each person of the round, the questions whose answers their link does not show (see <see cref="PeopleStore.Reissue"/>).</summary>
    public IReadOnlyDictionary<long, IReadOnlySet<string>> HiddenAnswers(long roundId)
    {
        using var connection = db.Open();
        return connection.Query<(long RespondentId, string QuestionId)>(
                """
                SELECT a.respondent_id, a.question_id FROM answers a JOIN respondents r ON r.id = a.respondent_id
                WHERE r.round_id = @roundId AND a.hidden = 1
                """,
                new { roundId })
            .GroupBy(a => a.RespondentId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The respondents of a round who share under a pseudonym, in the order of their link's hash: random,
    /// so "Person A" says nothing about when someone joined, which the coordinator page shows. The first link's hash:
    /// a reissued or removed link keeps its place, so no letter moves and tells whose it was.
    /// </summary>
    public IReadOnlyList<long> PseudonymOrder(long roundId)
    {
        using var connection = db.Open();
        return connection.Query<long>(
            "SELECT id FROM respondents WHERE round_id = @roundId AND sharing = 'pseudonym' AND is_coordinator = 0 ORDER BY pseudonym_key, id",
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
            Activity.Touch(connection, transaction, roundId, clock.Stamp());
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
        using var tx = connection.BeginTransaction();
        // An assessment of the other guide started from this one stays, on its own: its seal of this link opens nothing any more.
        connection.Execute("UPDATE assessments SET initiative_seal = NULL, initiative_salt = NULL WHERE initiative_id = @assessmentId", new { assessmentId }, tx);
        connection.Execute("DELETE FROM assessments WHERE id = @assessmentId", new { assessmentId }, tx);
        tx.Commit();
    }
}
