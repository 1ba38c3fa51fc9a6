using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The fastest migration NIC among the nodes a drain may move VMs to. A migration runs at the slower of its source's and
/// its target's NIC, so a source faster than every receiver sends no faster than the fastest of them: the planner's
/// estimates (and whether a guest needs a NIC to itself) use that rate, not the source's alone.
/// </summary>
internal static class ReceiverNics
{
    /// <summary>
    /// The fastest NIC among the schedulable nodes not in <paramref name="excluded"/>; null when one of them has no known
    /// NIC (it might be faster than any known) or there is none.
    /// </summary>
    public static long? Fastest(ClusterSnapshot snapshot, IReadOnlySet<string> excluded)
    {
        long? fastest = null;
        foreach (var node in snapshot.Nodes)
        {
            if (excluded.Contains(node.Name) || !NodeFit.IsSchedulable(node))
            {
                continue;
            }

            if (node.NicBandwidthBytesPerSecond is not { } nic)
            {
                return null;
            }

            fastest = fastest is { } f && f >= nic ? f : nic;
        }

        return fastest;
    }

    /// <summary>The rate a migration out of a source with <paramref name="sourceNic"/> can get at best.</summary>
    public static long? Cap(long? sourceNic, long? fastestReceiver) =>
        sourceNic is { } source && fastestReceiver is { } receiver ? Math.Min(source, receiver) : sourceNic;
}
