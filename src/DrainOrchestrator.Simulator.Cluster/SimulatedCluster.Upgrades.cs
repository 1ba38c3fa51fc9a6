namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>The upgrader's settings (the scenario's <c>upgrade</c> section, or the defaults).</summary>
    public UpgradeSettings UpgradeSettings => Scenario.Upgrade;

    /// <summary>
    /// Marks a node for upgrade now; the upgrader reboots it once its trigger holds (by default: cordoned and empty). A
    /// node with a pending upgrade takes the new target; a node down for its reboot is refused; a node already on the
    /// target version needs nothing.
    /// </summary>
    public UpgradeRequestResult RequestUpgrade(UpgradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mutate(() => _upgrader.Request(request));
    }

    /// <summary>Takes a node's mark away before its reboot. Null when done or nothing was pending; the problem when it is already rebooting.</summary>
    public string? CancelUpgrade(string node, string why) => Mutate(() => _upgrader.Cancel(node, why));

    /// <summary>Every upgrade so far, in the order the nodes were marked.</summary>
    public IReadOnlyList<NodeUpgradeSnapshot> GetUpgrades() => Read(_upgrader.Snapshots);
}
