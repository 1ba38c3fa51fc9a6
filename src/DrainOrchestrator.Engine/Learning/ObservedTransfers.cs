using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// What earlier migrations showed, as Core's <see cref="MigrationHistory"/>: the attempts recorded in PostgreSQL and the
/// last migration each VMI's <c>status.migrationState</c> tells of (KubeVirt keeps it, whoever migrated the VMI). A
/// transfer's throughput is its bytes over its time; without recorded bytes, the guest's memory over its time, which
/// never overstates it (a pre-copy sends at least the memory once).
/// </summary>
public static class ObservedTransfers
{
    /// <summary>The history of <paramref name="transfers"/> and of the VMIs' last migrations in <paramref name="state"/>.</summary>
    public static MigrationHistory History(IEnumerable<FinishedTransfer> transfers, ClusterState? state, ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(snapshot);
        var memory = new Dictionary<string, long>(snapshot.Vmis.Count, StringComparer.Ordinal);
        foreach (var vmi in snapshot.Vmis)
        {
            memory[vmi.Uid] = vmi.MemoryBytes;
        }

        var observed = new List<ObservedMigration>();
        var seen = new HashSet<(string Uid, DateTimeOffset End)>();
        foreach (var t in transfers)
        {
            var bytes = t.BytesProcessed is > 0 ? t.BytesProcessed : memory.TryGetValue(t.VmiUid, out var m) ? m : (long?)null;
            if (Throughput(bytes, t.StartedAt, t.FinishedAt) is { } rate && seen.Add((t.VmiUid, t.FinishedAt)))
            {
                observed.Add(new ObservedMigration(t.VmiUid, t.SourceNode, rate, null, t.PostCopy));
            }
        }

        foreach (var vmi in state?.Vmis ?? [])
        {
            var ms = vmi.Status?.MigrationState;
            var uid = vmi.Metadata.Uid;
            if (ms is not { Completed: true, StartTimestamp: { } start, EndTimestamp: { } end } || uid is null || ms.SourceNode is null
                || ms.Failed == true || !memory.TryGetValue(uid, out var bytes))
            {
                continue;
            }

            // The same migration recorded by us shows here too: count it once.
            if (Throughput(bytes, start, end) is { } rate && seen.Add((uid, end)))
            {
                observed.Add(new ObservedMigration(uid, ms.SourceNode, rate, null, string.Equals(ms.Mode, "PostCopy", StringComparison.Ordinal)));
            }
        }

        return new MigrationHistory(observed);
    }

    private static long? Throughput(long? bytes, DateTimeOffset start, DateTimeOffset end)
    {
        var seconds = (end - start).TotalSeconds;
        return bytes is > 0 && seconds > 0 ? (long)(bytes.Value / seconds) : null;
    }
}
