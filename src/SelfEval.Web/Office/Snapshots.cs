using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Office;

/// <summary>
/// One counted round in a snapshot. <paramref name="Member"/> is the comparison code the initiative joined
/// with (a pseudonym); <paramref name="RoundId"/> identifies the round, which is what figures rest on.
/// </summary>
public sealed record CohortRound(long Member, long RoundId, string Guide, int Year, string ClosedAt, bool Demo, RoundResult Result, IReadOnlyDictionary<string, string> Groups);

/// <summary>A published, frozen state of the comparison.</summary>
public sealed record Snapshot(long Id, DateTimeOffset PublishedAt, IReadOnlyList<CohortRound> Rounds)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Guide, int? Year), IReadOnlyList<CohortRound>> _selections = new();

    /// <summary>Each initiative once per guide: its latest counted round.</summary>
    public IReadOnlyList<CohortRound> Latest(string guide) =>
        _selections.GetOrAdd((guide, null), key => Rounds.Where(r => r.Guide == key.Guide)
            .GroupBy(r => r.Member)
            .Select(g => g.OrderByDescending(r => r.ClosedAt, StringComparer.Ordinal).First())
            .ToList());

    public IReadOnlyList<CohortRound> OfYear(string guide, int year) =>
        _selections.GetOrAdd((guide, year), key => Rounds.Where(r => r.Guide == key.Guide && r.Year == key.Year).ToList());
}

/// <summary>
/// Publishes snapshots of the rounds that count and hands out the current one. Figures are computed
/// from snapshots only, so closing a round changes nothing the office or a profile shows until the next
/// snapshot, and then only through the disclosure rule.
/// </summary>
public sealed class SnapshotStore(Database db, RoundResultStore results, QuestionnaireCatalog catalog, TimeProvider clock, IOptions<SelfEvalOptions> options)
{
    private readonly object _lock = new();
    private Snapshot? _cached;

    /// <summary>The latest snapshot; a new one is published first when there is none or it is older than the interval.</summary>
    public Snapshot Current()
    {
        var latest = Latest();
        var interval = TimeSpan.FromDays(options.Value.SnapshotDays);
        if (latest is not null && (clock.GetUtcNow() - latest.PublishedAt < interval || db.ReadOnly))
        {
            return latest;
        }

        return db.ReadOnly ? new Snapshot(0, clock.GetUtcNow(), []) : Publish("auto", onlyIfOlderThan: interval);
    }

    public Snapshot? Latest()
    {
        using var connection = db.Open();
        var id = connection.ExecuteScalar<long?>("SELECT MAX(id) FROM cohort_snapshots");
        return id is null ? null : Get(connection, id.Value);
    }

    /// <summary>
    /// Publishes a snapshot of the rounds that count now. Under the write lock, so two requests that both
    /// find the last one too old publish one snapshot, not two.
    /// </summary>
    public Snapshot Publish(string by, TimeSpan? onlyIfOlderThan = null)
    {
        if (!db.ReadOnly)
        {
            results.ComputeMissing();
        }

        using var connection = db.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (onlyIfOlderThan is { } interval
            && connection.QueryFirstOrDefault<(long Id, string At)?>("SELECT id, published_at FROM cohort_snapshots ORDER BY id DESC LIMIT 1", transaction: transaction) is { } last
            && clock.GetUtcNow() - Time.Parse(last.At)!.Value < interval)
        {
            return Get(connection, last.Id, transaction);
        }

        var rounds = Counted(connection, transaction);
        var now = clock.GetUtcNow();
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO cohort_snapshots (published_at, published_by, rounds_json) VALUES (@at, @by, @json) RETURNING id",
            new { at = now.ToString("O", CultureInfo.InvariantCulture), by, json = JsonSerializer.Serialize(rounds) },
            transaction);
        transaction.Commit();
        var snapshot = new Snapshot(id, now, rounds);
        lock (_lock)
        {
            _cached = snapshot;
        }

        return snapshot;
    }

    /// <summary>Removes the rounds of a deleted assessment from every snapshot: deleted means gone, also from the comparison.</summary>
    public void Forget(IReadOnlyCollection<long> roundIds)
    {
        if (roundIds.Count == 0)
        {
            return;
        }

        using var connection = db.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (id, json) in connection.Query<(long, string)>("SELECT id, rounds_json FROM cohort_snapshots", transaction: transaction).ToList())
        {
            var rounds = JsonSerializer.Deserialize<List<CohortRound>>(json)!;
            if (rounds.RemoveAll(r => roundIds.Contains(r.RoundId)) > 0)
            {
                connection.Execute("UPDATE cohort_snapshots SET rounds_json = @json WHERE id = @id", new { id, json = JsonSerializer.Serialize(rounds) }, transaction);
            }
        }

        transaction.Commit();
        lock (_lock)
        {
            _cached = null;
        }
    }

    private Snapshot Get(System.Data.Common.DbConnection connection, long id, IDbTransaction? transaction = null)
    {
        lock (_lock)
        {
            if (_cached?.Id == id)
            {
                return _cached;
            }
        }

        var row = connection.QuerySingle<(string At, string Json)>("SELECT published_at, rounds_json FROM cohort_snapshots WHERE id = @id", new { id }, transaction);
        var snapshot = new Snapshot(id, Time.Parse(row.At)!.Value, JsonSerializer.Deserialize<List<CohortRound>>(row.Json)!);
        lock (_lock)
        {
            _cached = snapshot;
        }

        return snapshot;
    }

    /// <summary>
    /// The rounds that count: closed, of an initiative that agreed and joined with a comparison code, with at
    /// least the method's coverage answered; per initiative, guide and year only the latest of them.
    /// </summary>
    private List<CohortRound> Counted(System.Data.Common.DbConnection connection, IDbTransaction transaction)
    {
        var rows = connection.Query<(long Member, long RoundId, string Guide, string ClosedAt, long Demo, string Json)>(
            """
            SELECT a.comparison_code_id, r.id, rr.questionnaire_id, r.closed_at, a.is_demo, rr.results_json
            FROM rounds r
            JOIN assessments a ON a.id = r.assessment_id
            JOIN round_results rr ON rr.round_id = r.id
            WHERE r.closed_at IS NOT NULL AND a.comparison_opt_in = 1 AND a.comparison_code_id IS NOT NULL
              AND rr.coverage >= @minimum
            """,
            new { minimum = (double)Method.MinCoverage },
            transaction).ToList();
        // The groups as profil.md declares them now, applied to the profile each round was answered with.
        var comparison = catalog.Comparison;
        var profiles = connection.Query<(long RoundId, string QuestionId, string? ValueJson)>(
                "SELECT round_id, question_id, value_json FROM profile_answers WHERE question_id IN @keys AND round_id IN @ids",
                new { keys = comparison.Dimensions.Select(d => d.QuestionId).ToList(), ids = rows.Select(r => r.RoundId).ToList() },
                transaction)
            .GroupBy(p => p.RoundId)
            .ToDictionary(g => g.Key, g => comparison.Classify(g.Where(p => p.ValueJson is not null).ToDictionary(p => p.QuestionId, p => AnswerOf(p.ValueJson!))));
        return rows
            .Select(r => new CohortRound(
                r.Member, r.RoundId, r.Guide, Time.Parse(r.ClosedAt)!.Value.Year, r.ClosedAt, r.Demo != 0,
                JsonSerializer.Deserialize<RoundResult>(r.Json)!,
                profiles.GetValueOrDefault(r.RoundId) ?? new Dictionary<string, string>()))
            .GroupBy(r => (r.Member, r.Guide, r.Year))
            .Select(g => g.OrderByDescending(r => r.ClosedAt, StringComparer.Ordinal).First())
            .OrderBy(r => r.RoundId)
            .ToList();
    }

    /// <summary>A stored profile answer as the comparison reads it: a chosen option or a number; anything else is no group.</summary>
    private static SelfEval.Scoring.Model.Answer AnswerOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind switch
        {
            JsonValueKind.String => new SelfEval.Scoring.Model.Answer.Choice(doc.RootElement.GetString()!),
            JsonValueKind.Number => new SelfEval.Scoring.Model.Answer.Number(doc.RootElement.GetDecimal()),
            JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined
                => new SelfEval.Scoring.Model.Answer.Text(string.Empty),
            _ => new SelfEval.Scoring.Model.Answer.Text(string.Empty),
        };
    }
}
