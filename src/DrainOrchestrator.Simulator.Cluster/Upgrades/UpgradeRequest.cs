namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Marks a node for upgrade while the cluster runs.</summary>
/// <param name="Node">The node.</param>
/// <param name="TargetVersion">The kubelet version it should return with.</param>
/// <param name="Origin">Who asks.</param>
public sealed record UpgradeRequest(string Node, string TargetVersion, UpgradeOrigin Origin = UpgradeOrigin.Request)
{
    /// <summary>The trigger for this node; null uses the scenario's.</summary>
    public UpgradeTrigger? Trigger { get; init; }

    /// <summary>Makes this upgrade fail (as a scenario's <see cref="UpgradeSettings.Failures"/> entry would).</summary>
    public bool Fail { get; init; }

    /// <summary>With <see cref="Fail"/>: how long the node stays down before it returns on its old version; null for ever.</summary>
    public TimeSpan? ReturnAfter { get; init; }
}

/// <summary>What became of an <see cref="UpgradeRequest"/>.</summary>
public enum UpgradeRequestStatus
{
    /// <summary>The node is marked: a new upgrade, or the pending one with its new target.</summary>
    Accepted,

    /// <summary>The node already runs that version: nothing to do.</summary>
    AlreadyAtVersion,

    /// <summary>Refused; see <see cref="UpgradeRequestResult.Problem"/>.</summary>
    Rejected,
}

/// <summary>The outcome of an <see cref="UpgradeRequest"/> or a cancel.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Upgrade">The upgrade as it is now, when there is one.</param>
/// <param name="Problem">Why it was refused.</param>
public sealed record UpgradeRequestResult(UpgradeRequestStatus Status, NodeUpgradeSnapshot? Upgrade, string? Problem);
