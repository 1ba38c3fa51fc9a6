namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The scenario's external node upgrader (its <c>upgrade</c> section): which nodes it upgrades to which kubelet version,
/// when it starts on a node, how long the reboot takes, and which nodes fail. Nodes can also be marked while the
/// cluster runs (the <see cref="UpgradeAnnotations.TargetVersion"/> annotation, <see cref="SimulatedCluster.RequestUpgrade"/>);
/// the timings here apply to them too.
/// </summary>
public sealed record UpgradeSettings
{
    /// <summary>No node marked by the scenario; the default timings for nodes marked later.</summary>
    public static readonly UpgradeSettings None = new();

    /// <summary>The kubelet version upgraded nodes return with; required when <see cref="Nodes"/> or <see cref="Selector"/> marks any.</summary>
    public string? TargetVersion { get; init; }

    /// <summary>Nodes marked for upgrade at the start, by name.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>Nodes marked for upgrade at the start, by labels (every pair must match; an empty value matches an empty label).</summary>
    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary>When the upgrader starts on a marked node.</summary>
    public UpgradeTrigger Trigger { get; init; } = UpgradeTrigger.CordonedAndEmpty;

    /// <summary>From the trigger holding to the reboot.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the node is NotReady for its reboot.</summary>
    public TimeSpan RebootDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// At most this much is added to each start delay and each reboot, drawn per node and upgrade from the run's seed
    /// (the same seed gives the same timings, whatever order things happen in).
    /// </summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.Zero;

    /// <summary>With <see cref="UpgradeTrigger.Marked"/>: how long after a refusal the upgrader tries again.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What the upgrader does when guests are still on the node at its start time.</summary>
    public OccupiedNodePolicy OnOccupied { get; init; } = OccupiedNodePolicy.Refuse;

    /// <summary>Nodes whose first upgrade fails (marking one again after that models a retry, which succeeds).</summary>
    public IReadOnlyList<UpgradeFailure> Failures { get; init; } = [];

    /// <summary>Whether the scenario marks any node itself.</summary>
    public bool MarksNodes => Nodes.Count > 0 || Selector is not null;

    /// <summary>Every problem with these settings that needs no knowledge of the nodes; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MarksNodes && string.IsNullOrWhiteSpace(TargetVersion))
        {
            problems.Add("upgrade.targetVersion is required when upgrade.nodes or upgrade.selector marks nodes");
        }

        if (Nodes.Count > 0 && Selector is not null)
        {
            problems.Add("upgrade may give nodes or selector, not both");
        }

        if (StartDelay < TimeSpan.Zero)
        {
            problems.Add($"upgrade.startDelay must not be negative, was {StartDelay}");
        }

        if (RebootDuration <= TimeSpan.Zero)
        {
            problems.Add($"upgrade.rebootDuration must be positive, was {RebootDuration}");
        }

        if (Jitter < TimeSpan.Zero)
        {
            problems.Add($"upgrade.jitter must not be negative, was {Jitter}");
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            problems.Add($"upgrade.retryInterval must be positive, was {RetryInterval}");
        }

        foreach (var failure in Failures.Where(f => f.ReturnAfter is { } d && d <= TimeSpan.Zero))
        {
            problems.Add($"upgrade.failures: returnAfter of node {failure.Node} must be positive, was {failure.ReturnAfter}");
        }

        return problems;
    }

    /// <summary>Whether <paramref name="labels"/> match <see cref="Selector"/>.</summary>
    public bool Selects(IReadOnlyDictionary<string, string> labels) =>
        Selector is { } selector
        && selector.All(p => labels.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));
}
