namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>One upgrade of one node as it stands: the admin API's view and a ground truth record.</summary>
public sealed record NodeUpgradeSnapshot
{
    /// <summary>1, 2, … in the order nodes were marked (a node upgraded twice has two).</summary>
    public required int Id { get; init; }

    /// <summary>The node.</summary>
    public required string Node { get; init; }

    /// <summary>The kubelet version before the reboot (when marked, then when the reboot started).</summary>
    public required string FromVersion { get; init; }

    /// <summary>The kubelet version it is to return with.</summary>
    public required string TargetVersion { get; init; }

    /// <summary>Who marked the node.</summary>
    public required UpgradeOrigin Origin { get; init; }

    /// <summary>When the upgrader starts.</summary>
    public required UpgradeTrigger Trigger { get; init; }

    /// <summary>Where the upgrade is.</summary>
    public required UpgradeState State { get; init; }

    /// <summary>Whether this upgrade was set up to fail.</summary>
    public bool Fails { get; init; }

    /// <summary>When the node was marked.</summary>
    public required DateTimeOffset MarkedAt { get; init; }

    /// <summary>When the trigger last held and the reboot was scheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>While <see cref="UpgradeState.Scheduled"/>: when the reboot is due.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>When the node went NotReady for its reboot (the NotReady window starts).</summary>
    public DateTimeOffset? RebootStartedAt { get; init; }

    /// <summary>When it was Ready again (the NotReady window ends); null while it is down.</summary>
    public DateTimeOffset? ReadyAt { get; init; }

    /// <summary>When the upgrade ended: done, failed or cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Every start the upgrader called off, oldest first.</summary>
    public IReadOnlyList<UpgradeRefusal> Refusals { get; init; } = [];

    /// <summary>The VMIs (<c>namespace/name</c>) lost because they were on the node when it rebooted (only with <see cref="OccupiedNodePolicy.Reboot"/>).</summary>
    public IReadOnlyList<string> GuestsLost { get; init; } = [];

    /// <summary>Why it failed or was cancelled.</summary>
    public string? Message { get; init; }
}
