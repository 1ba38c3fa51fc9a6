namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>How a run of the model is set up.</summary>
public sealed record SimulationOptions
{
    /// <summary>The default physics step while transfers run.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMilliseconds(100);

    /// <summary>The seed; null uses the scenario's.</summary>
    public int? Seed { get; init; }

    /// <summary>The physics step while anything transfers; the clock jumps between events otherwise.</summary>
    public TimeSpan Step { get; init; } = DefaultStep;

    /// <summary>Model time at the start; null uses the scenario's. Real-time hosting passes the current time.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>
    /// The network shared with other clusters (cluster-to-cluster decentralized migrations); null for a cluster alone.
    /// The scenario's name names the cluster on it.
    /// </summary>
    public ClusterNetwork? Network { get; init; }

    /// <summary>Every problem with these options, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Step < TimeSpan.FromMilliseconds(1) || Step > TimeSpan.FromSeconds(10))
        {
            problems.Add($"step must be between 1 ms and 10 s, was {Step}");
        }

        return problems;
    }
}
