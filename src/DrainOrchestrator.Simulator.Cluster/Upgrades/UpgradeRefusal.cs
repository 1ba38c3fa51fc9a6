namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Why the upgrader did not reboot a node when its start time came.</summary>
public enum UpgradeRefusalReason
{
    /// <summary>Guests were still on the node (their virt-launcher pods bound to it).</summary>
    Occupied,

    /// <summary>The trigger needs a cordoned node and it had been uncordoned meanwhile.</summary>
    NotCordoned,
}

/// <summary>A start the upgrader called off; it waits for its trigger again (or retries, for <see cref="UpgradeTrigger.Marked"/>).</summary>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
/// <param name="Guests">The VMIs (<c>namespace/name</c>) whose pods were on the node then, guests and incoming migration targets.</param>
public sealed record UpgradeRefusal(DateTimeOffset At, UpgradeRefusalReason Reason, IReadOnlyList<string> Guests);
