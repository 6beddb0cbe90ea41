using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Office;

/// <summary>
/// A selection of initiatives: a guide, values of comparison groups, and optionally one year (its rounds of
/// that year instead of each initiative's latest round).
/// </summary>
public sealed record Cell(string Guide, IReadOnlyDictionary<string, string> Filters, int? Year = null)
{
    public const string Unknown = "ohne-angabe";

    /// <summary>The same selection always has the same key, whatever order its filters were given in.</summary>
    public string Key
    {
        get
        {
            var parts = Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}").ToList();
            if (Year is { } year)
            {
                parts.Add("jahr=" + year.ToString(CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? "alle" : string.Join(';', parts);
        }
    }

    /// <summary>True when two conditions on one dimension exclude each other: such a selection holds nobody.</summary>
    public bool Contradictory { get; private init; }

    /// <summary>The selection narrowed by one more condition; one that contradicts a filter already set holds nobody.</summary>
    public Cell With(string dimension, string value) =>
        Filters.TryGetValue(dimension, out var set) && set != value
            ? this with { Contradictory = true }
            : this with { Filters = new Dictionary<string, string>(Filters) { [dimension] = value } };

    /// <summary>The rounds of a snapshot this selection holds.</summary>
    public IReadOnlyList<CohortRound> RoundsIn(Snapshot snapshot)
    {
        if (Contradictory)
        {
            return [];
        }

        var rounds = Year is { } year ? snapshot.OfYear(Guide, year) : snapshot.Latest(Guide);
        return rounds.Where(r => Filters.All(f => f.Value == Unknown ? !r.Groups.ContainsKey(f.Key) : r.Groups.GetValueOrDefault(f.Key) == f.Value)).ToList();
    }
}

/// <summary>One number of a selection before release: its measure, the rounds it rests on, and its value.</summary>
public sealed record Candidate(string Measure, MemberSet Rounds, string ValueJson);

public enum ReleaseState
{
    /// <summary>Released from the current snapshot.</summary>
    Current,

    /// <summary>Withheld now; the last figure released for this selection is shown with its date.</summary>
    Earlier,

    /// <summary>Never released for this selection.</summary>
    Withheld,
}

public sealed record Released(ReleaseState State, string? ValueJson, DateTimeOffset? ReleasedAt, DisclosureDecision Decision);

/// <summary>
/// The one gate every number the office or a profile's benchmark shows goes through. It releases a figure
/// only when it rests on at least k rounds (one per initiative) and its set of rounds differs from every
/// figure of the same measure ever released — to any user, at any time, before or after a restart — by
/// none or by at least k. Released sets are recorded office-wide in the database; deciding and recording
/// happen under the write lock, so two requests cannot both release figures that together isolate someone.
/// </summary>
public sealed class ReleaseControl(Database db, TimeProvider clock, IOptions<SelfEvalOptions> options)
{
    private readonly object _lock = new();

    // Per guide and measure the distinct sets already released; rows are read once and then only newer ones.
    private readonly Dictionary<(string Guide, string Measure), HashSet<MemberSet>> _released = [];
    private readonly Dictionary<(string Guide, string Cell, string Measure), Row> _last = [];

    // What was withheld from a snapshot stays withheld: later releases only add sets to differ from.
    private readonly Dictionary<(long Snapshot, string Guide, string Cell, string Measure), (MemberSet Rounds, Released Outcome)> _withheld = [];
    private long _seen;

    private sealed record Row(long SnapshotId, MemberSet Rounds, string ValueJson, DateTimeOffset ReleasedAt);

    public int K => options.Value.AnonymityK;

    /// <summary>Decides every candidate of one selection and records what it releases.</summary>
    public IReadOnlyDictionary<string, Released> Release(Snapshot snapshot, Cell cell, IReadOnlyList<Candidate> candidates)
    {
        var key = cell.Key;
        lock (_lock)
        {
            // Figures this process released from this snapshot are answered from memory: a profile view
            // then takes no write lock and touches no table.
            Released? Known(Candidate c) =>
                _last.GetValueOrDefault((cell.Guide, key, c.Measure)) is { } hit && hit.SnapshotId == snapshot.Id && hit.Rounds.Equals(c.Rounds)
                    ? new Released(ReleaseState.Current, hit.ValueJson, hit.ReleasedAt, DisclosureDecision.Release)
                    : _withheld.GetValueOrDefault((snapshot.Id, cell.Guide, key, c.Measure)) is { Rounds: { } rounds } withheld && rounds.Equals(c.Rounds)
                        ? withheld.Outcome
                        : null;

            // Decided before, in this process: a profile view or a repeated page then takes no write lock.
            var known = candidates.Select(c => (c.Measure, Outcome: Known(c))).ToList();
            if (known.All(k => k.Outcome is not null))
            {
                return known.ToDictionary(k => k.Measure, k => k.Outcome!, StringComparer.Ordinal);
            }

            using var connection = db.Open();
            using var transaction = db.ReadOnly ? null : connection.BeginTransaction(deferred: false);
            Refresh(connection, transaction);
            var outcome = new Dictionary<string, Released>(StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                var last = _last.GetValueOrDefault((cell.Guide, key, candidate.Measure));
                if (last is not null && last.SnapshotId == snapshot.Id && last.Rounds.Equals(candidate.Rounds))
                {
                    outcome[candidate.Measure] = new Released(ReleaseState.Current, last.ValueJson, last.ReleasedAt, DisclosureDecision.Release);
                    continue;
                }

                var sets = _released.GetValueOrDefault((cell.Guide, candidate.Measure)) ?? [];
                var decision = DisclosureRule.Decide(candidate.Rounds, sets, K);
                if (decision == DisclosureDecision.Release && transaction is not null)
                {
                    var now = clock.GetUtcNow();
                    var id = connection.ExecuteScalar<long>(
                        """
                        INSERT INTO released_figures (snapshot_id, guide, cell, measure, members, value_json, released_at)
                        VALUES (@snapshot, @guide, @cell, @measure, @members, @value, @at) RETURNING id
                        """,
                        new { snapshot = snapshot.Id, guide = cell.Guide, cell = key, measure = candidate.Measure, members = candidate.Rounds.Serialize(), value = candidate.ValueJson, at = now.ToString("O", CultureInfo.InvariantCulture) },
                        transaction);
                    Remember(cell.Guide, key, candidate.Measure, candidate.Rounds, new Row(snapshot.Id, candidate.Rounds, candidate.ValueJson, now));
                    _seen = Math.Max(_seen, id);
                    outcome[candidate.Measure] = new Released(ReleaseState.Current, candidate.ValueJson, now, decision);
                }
                else
                {
                    outcome[candidate.Measure] = last is null
                        ? new Released(ReleaseState.Withheld, null, null, decision == DisclosureDecision.Release ? DisclosureDecision.TooFew : decision)
                        : new Released(ReleaseState.Earlier, last.ValueJson, last.ReleasedAt, decision);
                    if (transaction is not null)
                    {
                        _withheld[(snapshot.Id, cell.Guide, key, candidate.Measure)] = (candidate.Rounds, outcome[candidate.Measure]);
                    }
                }
            }

            transaction?.Commit();
            return outcome;
        }
    }

    /// <summary>Reads figures released since the last look, by this process or another one on the same file.</summary>
    private void Refresh(System.Data.Common.DbConnection connection, System.Data.IDbTransaction? transaction)
    {
        foreach (var row in connection.Query<(long Id, long Snapshot, string Guide, string Cell, string Measure, string Members, string Value, string At)>(
                     "SELECT id, snapshot_id, guide, cell, measure, members, value_json, released_at FROM released_figures WHERE id > @seen ORDER BY id",
                     new { seen = _seen },
                     transaction))
        {
            var rounds = MemberSet.Parse(row.Members);
            Remember(row.Guide, row.Cell, row.Measure, rounds, new Row(row.Snapshot, rounds, row.Value, Time.Parse(row.At)!.Value));
            _seen = row.Id;
        }
    }

    private void Remember(string guide, string cell, string measure, MemberSet rounds, Row row)
    {
        if (!_released.TryGetValue((guide, measure), out var sets))
        {
            _released[(guide, measure)] = sets = [];
        }

        sets.Add(rounds);
        _last[(guide, cell, measure)] = row;
    }
}
