namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The mutable state of one upgrade of one node inside the model.</summary>
internal sealed class NodeUpgrade
{
    public required int Id { get; init; }

    public required NodeState Node { get; init; }

    /// <summary>How many upgrades of this node came before (salts its jitter).</summary>
    public required int NodeOrdinal { get; init; }

    public required string FromVersion { get; set; }

    public required string TargetVersion { get; set; }

    public required UpgradeOrigin Origin { get; init; }

    public required UpgradeTrigger Trigger { get; set; }

    public required DateTimeOffset MarkedAt { get; init; }

    /// <summary>Null when it succeeds; else how long the node stays down (null inside: for ever).</summary>
    public UpgradeFailure? Failure { get; set; }

    public UpgradeState State { get; set; } = UpgradeState.Waiting;

    /// <summary>Bumped whenever a scheduled start is no longer wanted; a timer carrying an older value does nothing.</summary>
    public int Generation { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? RebootStartedAt { get; set; }

    public DateTimeOffset? ReadyAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<UpgradeRefusal> Refusals { get; } = [];

    public List<string> GuestsLost { get; } = [];

    public string? Message { get; set; }

    /// <summary>Not yet rebooting: the mark can still be changed or taken away.</summary>
    public bool IsPending => State is UpgradeState.Waiting or UpgradeState.Scheduled;

    public NodeUpgradeSnapshot ToSnapshot() => new()
    {
        Id = Id,
        Node = Node.Name,
        FromVersion = FromVersion,
        TargetVersion = TargetVersion,
        Origin = Origin,
        Trigger = Trigger,
        State = State,
        Fails = Failure is not null,
        MarkedAt = MarkedAt,
        ScheduledAt = ScheduledAt,
        StartsAt = State == UpgradeState.Scheduled ? StartsAt : null,
        RebootStartedAt = RebootStartedAt,
        ReadyAt = ReadyAt,
        FinishedAt = FinishedAt,
        Refusals = [.. Refusals],
        GuestsLost = [.. GuestsLost],
        Message = Message,
    };
}
