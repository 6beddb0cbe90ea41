using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Assessments;

/// <summary>
/// Which assessments retention is about to delete or may delete now. An initiative is one unit: the assessments of
/// both guides started from the same link (initiative_id) count as touched when either is, so a team working on one
/// guide never loses the other. Demo assessments hold no one's data and are left to the demo command.
/// </summary>
public sealed class RetentionStore(Database db, TimeProvider clock, IOptions<SelfEvalOptions> options)
{
    /// <summary>Each initiative (its first assessment's id) with its latest activity, computed once per statement.</summary>
    private const string Initiatives =
        """
        WITH initiative AS MATERIALIZED (
            SELECT COALESCE(initiative_id, id) AS first, MAX(IFNULL(last_activity_at, created_at)) AS active FROM assessments GROUP BY 1)
        """;

    private const string InitiativeActivity =
        "(SELECT active FROM initiative WHERE first = COALESCE(assessments.initiative_id, assessments.id))";

    /// <summary>The day the assessment will be deleted if nobody works on it before, or null while no notice stands.</summary>
    public DateOnly? Deletion(long assessmentId)
    {
        using var connection = db.Open();
        // Most assessments have no notice: one lookup by id; only a notice standing asks for the initiative's activity.
        var row = connection.QuerySingleOrDefault<(string? Notice, long First)>(
            "SELECT retention_notice_at, COALESCE(initiative_id, id) FROM assessments WHERE id = @assessmentId", new { assessmentId });
        if (row.Notice is null)
        {
            return null;
        }

        var active = connection.ExecuteScalar<string>(
            "SELECT MAX(IFNULL(last_activity_at, created_at)) FROM assessments WHERE id = @First OR initiative_id = @First", new { row.First });
        return string.CompareOrdinal(active, row.Notice) <= 0 ? Time.BerlinDate(Time.Parse(row.Notice)!.Value + NoticePeriod) : null;
    }

    /// <summary>"Daten behalten": counts as activity, which ends the notice.</summary>
    public void Keep(long assessmentId)
    {
        using var connection = db.Open();
        connection.Execute(
            "UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), @now), retention_notice_at = NULL WHERE id = @assessmentId",
            new { assessmentId, now = clock.Stamp() });
    }

    private TimeSpan NoticePeriod => TimeSpan.FromDays(options.Value.RetentionNoticeDays);

    /// <summary>What one sweep did.</summary>
    public sealed record Sweep(int Noticed, int Kept, IReadOnlyList<long> Due);

    /// <summary>
    /// Ends notices that activity overtook, gives notice to the initiatives untouched for the retention period, and
    /// returns the assessments whose notice period passed without activity (deleted by <see cref="RetentionService"/>
    /// through the same path as the coordinator's own deletion). A notice is always given before a deletion, however
    /// long the service was down or however much the period was shortened: the deletion counts from the notice.
    /// </summary>
    public Sweep Mark()
    {
        var now = clock.GetUtcNow();
        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        var untouchedSince = now.AddMonths(-options.Value.RetentionMonths).ToString("O", CultureInfo.InvariantCulture);
        var noticedBefore = (now - NoticePeriod).ToString("O", CultureInfo.InvariantCulture);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var kept = connection.Execute(
            $"{Initiatives} UPDATE assessments SET retention_notice_at = NULL WHERE retention_notice_at IS NOT NULL AND {InitiativeActivity} > retention_notice_at",
            transaction: tx);
        var noticed = connection.Execute(
            $"{Initiatives} UPDATE assessments SET retention_notice_at = @stamp WHERE is_demo = 0 AND retention_notice_at IS NULL AND {InitiativeActivity} < @untouchedSince",
            new { stamp, untouchedSince }, tx);
        var due = connection.Query<long>(
            $"""
            {Initiatives}
            SELECT id FROM assessments
            WHERE is_demo = 0 AND retention_notice_at IS NOT NULL AND retention_notice_at <= @noticedBefore AND {InitiativeActivity} <= retention_notice_at
            ORDER BY id
            """,
            new { noticedBefore }, tx).ToList();
        tx.Commit();
        return new Sweep(noticed, kept, due);
    }
}

/// <summary>
/// Runs retention once at start-up (before the first request) and then every hour on the injected clock. Logs counts
/// only: no names, no links, no ids of initiatives.
/// </summary>
public sealed class RetentionService(
    RetentionStore retention, AssessmentStore assessments, SelfEval.Web.Office.SnapshotStore snapshots, Database db,
    TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly Lock _sweeping = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        RunOnce();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                RunOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service stops.
        }
    }

    /// <summary>One sweep; returns how many assessments were deleted. A failure is logged and tried again at the next tick.</summary>
    public int RunOnce()
    {
        if (db.ReadOnly)
        {
            return 0;
        }

        lock (_sweeping)
        {
            try
            {
                var sweep = retention.Mark();
                foreach (var id in sweep.Due)
                {
                    // The coordinator's own deletion: gone from the comparison's snapshots too, then every table.
                    snapshots.Forget(assessments.GetRounds(id).Select(r => r.Id).ToList());
                    assessments.Delete(id);
                }

                if (sweep.Noticed + sweep.Kept + sweep.Due.Count > 0)
                {
                    logger.LogInformation(
                        "Retention: {Noticed} assessments given notice, {Kept} notices ended by activity, {Deleted} assessments deleted.",
                        sweep.Noticed, sweep.Kept, sweep.Due.Count);
                }

                Swept?.Invoke();
                return sweep.Due.Count;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                logger.LogError(ex, "Retention failed; it runs again in {Interval}.", Interval);
                return 0;
            }
        }
    }

    /// <summary>Raised after every sweep, also those the timer starts (tests wait on it instead of on time).</summary>
    public event Action? Swept;
}

/// <summary>What the coordinator reads before retention deletes an assessment.</summary>
public static class RetentionTexts
{
    public static string Notice(DateOnly deletion) =>
        $"Ohne weitere Aktivität werden die Daten dieser Selbstevaluation am {deletion.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} gelöscht.";

    public static string Why(int months) =>
        $"Seit {months} Monaten hat niemand an ihr gearbeitet. Die Servicestelle bewahrt ungenutzte Daten nicht unbegrenzt auf (siehe Datenschutzerklärung).";

    public const string HowToKeep =
        "Wenn Sie die Daten behalten möchten, klicken Sie auf „Daten behalten“ – oder arbeiten Sie einfach weiter: Jede gespeicherte Antwort und jede Änderung auf dieser Seite zählt. Laden Sie die Daten vorher herunter, wenn Sie sie außerhalb von SelfEval aufbewahren möchten.";

    public const string Kept = "Die Daten bleiben gespeichert. Die Frist beginnt mit Ihrer Aktivität neu.";
}
