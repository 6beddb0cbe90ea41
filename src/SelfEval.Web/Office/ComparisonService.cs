using System.Collections.Concurrent;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Office;

/// <summary>
/// The comparison as the office and the profiles see it: the current snapshot, with its coarse selections
/// released first, and the dashboard built from it.
/// </summary>
public sealed class ComparisonService(SnapshotStore snapshots, DashboardBuilder builder)
{
    private readonly ConcurrentDictionary<long, bool> _prereleased = new();

    public DashboardBuilder Builder => builder;

    public Snapshot Current() => Prepared(snapshots.Current());

    /// <summary>A new snapshot now, at the office's request.</summary>
    public Snapshot Publish(string by) => Prepared(snapshots.Publish(by));

    public DashboardModel Dashboard(DashboardQuery query) => builder.Build(Current(), query);

    private Snapshot Prepared(Snapshot snapshot)
    {
        if (snapshot.Id > 0 && _prereleased.TryAdd(snapshot.Id, true))
        {
            builder.Prerelease(snapshot);
        }

        return snapshot;
    }
}
