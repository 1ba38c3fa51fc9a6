namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// The migration NIC bandwidth of every node a migration may leave from: the drained nodes and the sources of the
/// migrations in flight, found in one pass over the nodes (the last node of a name with a known bandwidth wins); the
/// policy's assumed bandwidth for the others. Keeps a decision from indexing every node of the cluster by name.
/// </summary>
internal sealed class SourceNics
{
    private readonly PlanIndex _plan;
    private readonly long[] _drained;
    private readonly Dictionary<string, long> _others = new(StringComparer.Ordinal);
    private readonly long _assumed;

    private SourceNics(PlanIndex plan, long assumed)
    {
        _plan = plan;
        _drained = new long[plan.DrainedNames.Length];
        _assumed = assumed;
    }

    public static SourceNics Of(SchedulerState state, PlanIndex plan, FlightCounters counters)
    {
        var nics = new SourceNics(plan, state.Policy.CostModel.AssumedNicBandwidthBytesPerSecond);
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (attempt, _) in counters.OursInFlight)
        {
            AddIfNotDrained(others, plan, attempt.SourceNode);
        }

        foreach (var migration in state.Cluster.UnfinishedMigrations)
        {
            AddIfNotDrained(others, plan, migration.SourceNode);
        }

        var nodes = state.Cluster.Nodes;
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            if (node.NicBandwidthBytesPerSecond is not { } nic || nic <= 0)
            {
                continue;
            }

            var drained = plan.DrainedIndexOf(node.Name);
            if (drained >= 0)
            {
                nics._drained[drained] = nic;
            }
            else if (others.Count > 0 && others.Contains(node.Name))
            {
                nics._others[node.Name] = nic;
            }
        }

        return nics;
    }

    /// <summary>The bandwidth of <paramref name="node"/>'s NIC, known or assumed.</summary>
    public long Of(string node)
    {
        var drained = _plan.DrainedIndexOf(node);
        var known = drained >= 0 ? _drained[drained] : _others.GetValueOrDefault(node);
        return known > 0 ? known : _assumed;
    }

    private static void AddIfNotDrained(HashSet<string> others, PlanIndex plan, string node)
    {
        if (plan.DrainedIndexOf(node) < 0)
        {
            others.Add(node);
        }
    }
}
