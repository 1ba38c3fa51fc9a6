namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// MAC address collisions in the receiving cluster: a receiver whose interface MAC is already used by a running VMI
/// there (other than the guest being moved) cannot start its pod, so the decentralized migration fails.
/// </summary>
internal sealed partial class ClusterController
{
    /// <summary>The running VMI, other than <paramref name="receiver"/> and <paramref name="source"/>, that uses the receiver's MAC.</summary>
    private VmState? MacHolder(VmState receiver, VmState? source)
    {
        if (receiver.MacAddress is not { } mac || !State.VmsByMac.TryGetValue(mac, out var holders))
        {
            return null;
        }

        return holders.FirstOrDefault(vm => !ReferenceEquals(vm, receiver) && !ReferenceEquals(vm, source) && vm.HasRunningVmi);
    }

    /// <summary>Why the receiving pod on <paramref name="node"/> fails to start: the MAC is taken.</summary>
    private static string MacCollisionReason(PodState pod, string node, VmState receiver, VmState holder) =>
        $"Migration failed: the receiving pod {pod.Name} on node {node} failed to start: MAC address {receiver.MacAddress} "
        + $"of VMI {receiver.Namespace}/{receiver.Name} is already in use by the running VMI {holder.Namespace}/{holder.Name}";
}
