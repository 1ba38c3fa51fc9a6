namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>
/// A lower bound on a batch's makespan. With S the fixed start-up of a migration (target pod start, hand-off, target
/// preparation, transfer start), t the transfer time alone, V the bytes sent alone, B the source NIC, C the cluster limit
/// and L the per-node limit:
/// <code>
/// LB = max( max over source nodes n of max( S + Σ_n V/B_n , (Σ_n (S + t) + waste_n) / L ),   the busiest node: its NIC, its slots
///           Σ_all (S + t) / C,                                                     the cluster's slots
///           max_all (S + t) )                                                      the longest single migration
/// </code>
/// waste_n is what a node with L = 2 must waste beside its transfers longer than S (<see cref="ShadowedLongTransfers"/>),
/// 0 otherwise. A rolling drain's bound is the sum of its batches' bounds (a batch starts when the previous has finished).
/// A VMI that cannot converge in pre-copy even alone counts with its shortest post-copy completion
/// (<see cref="UncontendedMigration.PostCopyMinimum"/>); one that cannot be moved in any way is left out and counted.
/// </summary>
/// <param name="Seconds">The bound.</param>
/// <param name="NodeSeconds">The busiest node's term.</param>
/// <param name="BusiestNode">That node.</param>
/// <param name="ClusterSeconds">The cluster slots' term.</param>
/// <param name="LongestSeconds">The longest single migration.</param>
/// <param name="Binding">Which term is the bound: node-nic, node-slots, cluster or longest.</param>
/// <param name="NotConverging">VMIs left out because they cannot be moved in any way the bound admits.</param>
internal sealed record LowerBound(
    double Seconds, double NodeSeconds, string? BusiestNode, double ClusterSeconds, double LongestSeconds, string Binding,
    int NotConverging)
{
    /// <summary>VMIs counted at their shortest post-copy completion (they cannot converge in pre-copy even alone).</summary>
    public int PostCopied { get; init; }

    public static LowerBound Of(IReadOnlyList<BoundVm> vms, double startupSeconds, int clusterLimit, int perNodeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perNodeLimit, 1);
        var movable = vms.Where(v => v.Alone.Converges).ToList();
        var (nodeSeconds, busiest, nodeBinding) = (0.0, (string?)null, "node-nic");
        foreach (var group in movable.GroupBy(v => v.SourceNode, StringComparer.Ordinal))
        {
            var nic = startupSeconds + group.Sum(v => v.Alone.Bytes / v.SourceNicBytesPerSecond);
            var slots = (group.Sum(v => startupSeconds + v.Alone.TransferSeconds) + ShadowWaste(group.ToList(), startupSeconds, perNodeLimit))
                / perNodeLimit;
            var term = Math.Max(nic, slots);
            if (term > nodeSeconds)
            {
                (nodeSeconds, busiest, nodeBinding) = (term, group.Key, slots > nic ? "node-slots" : "node-nic");
            }
        }

        var cluster = movable.Sum(v => startupSeconds + v.Alone.TransferSeconds) / clusterLimit;
        var longest = movable.Count == 0 ? 0 : movable.Max(v => startupSeconds + v.Alone.TransferSeconds);
        var seconds = Math.Max(nodeSeconds, Math.Max(cluster, longest));
        var binding = seconds == nodeSeconds ? nodeBinding : seconds == cluster ? "cluster" : "longest";
        return new LowerBound(seconds, nodeSeconds, busiest, cluster, longest, binding, vms.Count - movable.Count)
        {
            PostCopied = movable.Count(v => v.Alone.ViaPostCopy),
        };
    }

    /// <summary>
    /// What a node with two slots must waste beside its long transfers (<see cref="ShadowedLongTransfers"/>), when
    /// each of its guests alone fills its NIC (no slower best target, no bandwidthPerMigration cap, no post-copy);
    /// otherwise 0: two transfers below the NIC's rate can share it without slowing each other.
    /// </summary>
    private static double ShadowWaste(List<BoundVm> node, double startupSeconds, int perNodeLimit)
    {
        var fillsNic = node.All(v => !v.Alone.ViaPostCopy
            && Math.Abs(v.Alone.Bytes - (v.SourceNicBytesPerSecond * v.Alone.TransferSeconds)) <= 1e-9 * v.Alone.Bytes);
        return perNodeLimit == 2 && fillsNic
            ? ShadowedLongTransfers.WasteSeconds(node.ConvertAll(v => v.Alone.TransferSeconds), startupSeconds)
            : 0;
    }

    /// <summary>The bound of batches drained one after another.</summary>
    public static LowerBound Sum(IReadOnlyList<LowerBound> batches) => batches.Count == 1
        ? batches[0]
        : new LowerBound(batches.Sum(b => b.Seconds), batches.Sum(b => b.NodeSeconds), null, batches.Sum(b => b.ClusterSeconds),
            batches.Sum(b => b.LongestSeconds), "sum of batches", batches.Sum(b => b.NotConverging))
        {
            PostCopied = batches.Sum(b => b.PostCopied),
        };
}
