namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>One VirtualMachine in the ground truth: where it is and whether its guest runs.</summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="Name">The name.</param>
/// <param name="RunStrategy">Its run strategy now (Halted after it was the source of a decentralized move).</param>
/// <param name="VmiPhase">Its VMI's phase; null without a VMI.</param>
/// <param name="Node">The node its guest runs on; null when it runs nowhere.</param>
/// <param name="Cluster">The cluster it is in (its scenario's name), so VMs of clusters sharing a network can be told apart.</param>
public sealed record VmTruth(string Namespace, string Name, RunStrategy RunStrategy, VmiPhase? VmiPhase, string? Node, string Cluster = "")
{
    /// <summary>Whether the guest runs (a VMI in phase Running).</summary>
    public bool Running => VmiPhase == global::DrainOrchestrator.Simulator.Cluster.VmiPhase.Running;

    internal static VmTruth Of(VmState vm, string cluster) => new(
        vm.Namespace, vm.Name, vm.RunStrategy, vm.VmiUid is null ? null : vm.Phase, vm.HasRunningVmi ? vm.NodeName : null, cluster);
}
