using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Migrations in flight in the cluster, per source and per target: every unfinished VMIM the cluster shows, ours and
/// foreign, plus our journaled attempts the snapshot does not show yet (the union, by VMIM name).
/// </summary>
internal sealed class FlightCounters
{
    private readonly Dictionary<string, int> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inbound = new(StringComparer.Ordinal);

    public int Cluster { get; private set; }

    public HashSet<string> ExclusiveTargets { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MigratingVmis { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> ReservedMemory { get; } = new(StringComparer.Ordinal);

    /// <summary>Our journaled migrations in flight whose VMI is in the plan, in journal order.</summary>
    public List<(MigrationAttempt Attempt, PlannedVmi Item)> OursInFlight { get; } = [];

    public static FlightCounters Build(SchedulerState state, PlanIndex plan)
    {
        var counters = new FlightCounters();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var migration in state.Cluster.UnfinishedMigrations)
        {
            if (migration.IsFinished || !seen.Add(migration.Namespace + "/" + migration.Name))
            {
                continue;
            }

            counters.Add(migration.SourceNode, migration.TargetNode, migration.MemoryBytes, dedicated: false);
            counters.MigratingVmis.Add(migration.Namespace + "/" + migration.VmiName);
        }

        foreach (var attempt in state.Attempts)
        {
            if (attempt.Status != AttemptStatus.InFlight || attempt.Kind != AttemptKind.Migration)
            {
                continue;
            }

            var planned = plan.ItemOf(attempt.VmiUid);
            var key = (planned?.Vmi.Namespace ?? string.Empty) + "/" + attempt.Name;
            if (seen.Add(key))
            {
                counters.Add(attempt.SourceNode, attempt.TargetNode, planned?.Vmi.MemoryBytes ?? 0, dedicated: false);
            }

            if (planned is { NeedsDedicatedBandwidth: true })
            {
                counters.MarkExclusive(attempt.TargetNode);
            }

            if (planned is not null)
            {
                counters.MigratingVmis.Add(planned.Vmi.QualifiedName);
                counters.OursInFlight.Add((attempt, planned));
            }
        }

        return counters;
    }

    /// <summary>Reserves the memory of migrations that landed on targets the snapshot does not count yet (<see cref="ItemTable.Landed"/>).</summary>
    public void ReserveLanded(List<(string Target, long MemoryBytes)>? landed)
    {
        foreach (var (target, memoryBytes) in landed ?? [])
        {
            ReservedMemory[target] = ReservedMemory.GetValueOrDefault(target) + memoryBytes;
        }
    }

    public int Outbound(string node) => _outbound.GetValueOrDefault(node);

    public int Inbound(string node) => _inbound.GetValueOrDefault(node);

    /// <summary>Whether any migration in flight has a known target.</summary>
    public bool HasInbound => _inbound.Count > 0;

    public void Add(string source, string? target, long memoryBytes, bool dedicated)
    {
        Cluster++;
        _outbound[source] = Outbound(source) + 1;
        if (target is not null)
        {
            _inbound[target] = Inbound(target) + 1;
            ReservedMemory[target] = ReservedMemory.GetValueOrDefault(target) + memoryBytes;
        }

        if (dedicated)
        {
            MarkExclusive(target);
        }
    }

    // A migration that needs its whole NIC: its target receives nothing else meanwhile (out of its source, later
    // migrations are timed to start transferring when it is predicted to end, see NicTimeline).
    private void MarkExclusive(string? target)
    {
        if (target is not null)
        {
            ExclusiveTargets.Add(target);
        }
    }
}
