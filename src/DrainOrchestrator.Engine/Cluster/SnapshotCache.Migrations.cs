using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The unfinished VMIMs of the snapshot: which ones are unfinished is kept from the changes; each is mapped on every
/// read, as its VMI's migration state may have moved (they are the few in flight).
/// </summary>
public sealed partial class SnapshotCache
{
    private readonly HashSet<string> _unfinished = new(StringComparer.Ordinal);

    private void TrackMigration(string key, ClusterState state)
    {
        if (state.Index.Migration(key) is { } vmim && !IsFinished(SnapshotMapper.ParsePhase(vmim.Status?.Phase)))
        {
            _unfinished.Add(key);
        }
        else
        {
            _unfinished.Remove(key);
        }
    }

    private List<MigrationSnapshot> UnfinishedMigrations(ClusterState state)
    {
        var migrations = new List<MigrationSnapshot>(_unfinished.Count);
        foreach (var key in _unfinished)
        {
            if (state.Index.Migration(key) is { } vmim
                && SnapshotMapper.MapMigration(vmim, state.FindVmi(vmim.Metadata.Namespace ?? "", vmim.Spec.VmiName ?? "")) is { IsFinished: false } mapped)
            {
                migrations.Add(mapped);
            }
        }

        return migrations;
    }

    private static bool IsFinished(MigrationPhase phase) => phase is MigrationPhase.Succeeded or MigrationPhase.Failed;
}
