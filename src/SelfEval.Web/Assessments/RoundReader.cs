using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Assessments;

/// <summary>One person of a round with every answer they saved, whoever may see it: not for display as it is (see <see cref="RoundAnswers"/>).</summary>
/// <param name="Hidden">The questions whose answers date from before a reissued link and are never shown one by one (see <see cref="PeopleStore.Reissue"/>).</param>
/// <param name="Evidence">The person's evidence notes by question (questions of the guide only).</param>
public sealed record RoundPerson(RespondentRecord Respondent, IReadOnlyDictionary<string, Answer> Answers, IReadOnlySet<string> Hidden, IReadOnlyDictionary<string, string> Evidence);

/// <summary>
/// Everything stored about one round, read at one moment: its profile answers, every person (coordinator first,
/// then in the order they joined) with their answers, the order of the pseudonyms, and the team conversation's
/// agreed answers and actions. Raw: who may see what is
/// decided by <see cref="RoundAnswers.Of"/> and nowhere else.
/// </summary>
/// <param name="PseudonymOrder">The people who share under a pseudonym, in the order of their link's hash (see <see cref="RespondentLabels.Shared"/>).</param>
public sealed record RoundData(
    RoundRecord Round,
    Questionnaire Questionnaire,
    IReadOnlyDictionary<string, Answer> Profile,
    IReadOnlyList<RoundPerson> People,
    IReadOnlyList<long> PseudonymOrder,
    TeamConversation Conversation)
{
    public IReadOnlyList<RespondentRecord> Respondents => [.. People.Select(p => p.Respondent)];
}

/// <summary>
/// Reads a round for everything that shows or scores it (the profile, the exports, the coordinator page, the office's
/// round results), so the read is written once: one connection, one read transaction (all of it from the same moment,
/// even while people keep saving), two queries: the people, then every answer of the round with its profile answers.
/// </summary>
public sealed class RoundReader(Database db, QuestionnaireVersionStore versions)
{
    /// <summary>The round as answered, against the guide version it was answered with.</summary>
    public RoundData Read(RoundRecord round) => Read(round, versions.Get(round.QuestionnaireVersionId));

    public RoundData Read(RoundRecord round, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(questionnaire);

        using var connection = db.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        // The people, with the rank of those who share under a pseudonym (by their first link's hash: random, so "Person A"
        // says nothing about when someone joined, and a reissued link moves no letter).
        var people = connection.Query<RespondentRecord, long?, (RespondentRecord Record, long? PseudonymRank)>(
            """
            SELECT id AS Id, round_id AS RoundId, label AS Label, is_coordinator AS IsCoordinator, created_at AS CreatedAt,
                   updated_at AS UpdatedAt, finished_at AS FinishedAt, last_section AS LastSection, sharing AS Sharing,
                   removed_at AS RemovedAt, reissued_sharing AS ReissuedSharing,
                   CASE WHEN sharing = 'pseudonym' AND is_coordinator = 0
                        THEN ROW_NUMBER() OVER (PARTITION BY sharing = 'pseudonym' AND is_coordinator = 0 ORDER BY pseudonym_key, id) END AS PseudonymRank
            FROM respondents WHERE round_id = @roundId
            ORDER BY is_coordinator DESC, id
            """,
            (record, rank) => (record, rank), new { roundId = round.Id }, transaction, splitOn: "PseudonymRank").ToList();
        // Every answer of the round; the profile's rows have no respondent.
        var rows = connection.Query<(long? RespondentId, string QuestionId, string? ValueJson, long NotRelevant, string? Justification, long DontKnow, long Hidden, string? Evidence)>(
            """
            SELECT NULL, question_id, value_json, not_relevant, justification, dont_know, 0, NULL FROM profile_answers WHERE round_id = @roundId
            UNION ALL
            SELECT a.respondent_id, a.question_id, a.value_json, a.not_relevant, a.justification, a.dont_know, a.hidden, a.evidence
            FROM answers a JOIN respondents r ON r.id = a.respondent_id
            WHERE r.round_id = @roundId
            """,
            new { roundId = round.Id }, transaction).ToList();
        // What the team agreed and took on in its conversation, from the same moment as the answers it settles.
        var conversation = ConversationStore.Read(connection, transaction, questionnaire, round.Id, round.Number);
        transaction.Commit();

        var stored = rows.ToLookup(r => r.RespondentId, r => new StoredAnswer(r.QuestionId, r.ValueJson, r.NotRelevant != 0, r.Justification, r.DontKnow != 0));
        var hidden = rows.Where(r => r.Hidden != 0).ToLookup(r => r.RespondentId!.Value, r => r.QuestionId);
        var evidence = rows.Where(r => r.Evidence is not null && questionnaire.FindQuestion(r.QuestionId) is not null).ToLookup(r => r.RespondentId!.Value);
        return new RoundData(
            round,
            questionnaire,
            AssessmentAccess.Read(questionnaire, stored[null]),
            [.. people.Select(p => new RoundPerson(p.Record, AssessmentAccess.Read(questionnaire, stored[p.Record.Id]), hidden[p.Record.Id].ToHashSet(StringComparer.Ordinal),
                evidence[p.Record.Id].ToDictionary(r => r.QuestionId, r => r.Evidence!, StringComparer.Ordinal)))],
            [.. people.Where(p => p.PseudonymRank is not null).OrderBy(p => p.PseudonymRank).Select(p => p.Record.Id)],
            conversation);
    }

    /// <summary>The round as the coordination may see it (<see cref="RoundAnswers.Of"/>).</summary>
    public RoundAnswers Answers(RoundRecord round) => RoundAnswers.Of(Read(round));

    public RoundAnswers Answers(RoundRecord round, Questionnaire questionnaire) => RoundAnswers.Of(Read(round, questionnaire));
}
