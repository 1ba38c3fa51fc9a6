namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The node annotations of drain-sim's upgrader.</summary>
public static class UpgradeAnnotations
{
    /// <summary>
    /// The kubelet version a node should be upgraded to. A client setting it marks the node (removing it before the reboot
    /// cancels); the model publishes it for every node it has marked, so the scenario's marks show too.
    /// </summary>
    public const string TargetVersion = "upgrade.drain-sim.io/target-version";

    /// <summary>The <see cref="UpgradeState"/> of the node's latest upgrade, e.g. <c>Rebooting</c> or <c>Done</c>. Written by the model only.</summary>
    public const string State = "upgrade.drain-sim.io/state";
}
