namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The order in which waiting VMIMs get a free slot: by <c>spec.priority</c> (highest first, none last), then by a
/// seeded random key drawn at creation, not FIFO (KubeVirt's work queue gives no ordering guarantee either). The
/// creation sequence breaks the rare key tie.
/// </summary>
internal sealed class AdmissionOrder : IComparer<MigrationJob>
{
    public static AdmissionOrder Instance { get; } = new();

    public int Compare(MigrationJob? x, MigrationJob? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // KubeVirt's priority queue: a higher spec.priority first, a VMIM without one last.
        var byPriority = ((int?)y.Priority ?? 0).CompareTo((int?)x.Priority ?? 0);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byKey = x.AdmissionKey.CompareTo(y.AdmissionKey);
        return byKey != 0 ? byKey : x.Sequence.CompareTo(y.Sequence);
    }
}
