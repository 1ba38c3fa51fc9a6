namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Where the upgrade of one node is; also the node's <c>upgrade.drain-sim.io/state</c> annotation.</summary>
public enum UpgradeState
{
    /// <summary>Marked; the trigger does not hold yet (for <see cref="UpgradeTrigger.CordonedAndEmpty"/>: not cordoned, or not empty).</summary>
    Waiting,

    /// <summary>The trigger held: the reboot is due at <see cref="NodeUpgradeSnapshot.StartsAt"/>, when the node is checked again.</summary>
    Scheduled,

    /// <summary>The node is down (NotReady) for its reboot.</summary>
    Rebooting,

    /// <summary>The node is Ready again on the target kubelet version.</summary>
    Done,

    /// <summary>The node came back Ready on its old kubelet version (a failure from the scenario or the request).</summary>
    Failed,

    /// <summary>The mark was taken away before the reboot started.</summary>
    Cancelled,
}
