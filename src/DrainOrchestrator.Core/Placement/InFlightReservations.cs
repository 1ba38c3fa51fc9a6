using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Placement;

/// <summary>Memory promised to targets by unfinished migrations whose target is known.</summary>
public static class InFlightReservations
{
    /// <summary>Bytes reserved per target node.</summary>
    public static Dictionary<string, long> Of(IEnumerable<MigrationSnapshot> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var reserved = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            if (!migration.IsFinished && migration.TargetNode is { } target)
            {
                reserved[target] = reserved.GetValueOrDefault(target) + migration.MemoryBytes;
            }
        }

        return reserved;
    }
}
