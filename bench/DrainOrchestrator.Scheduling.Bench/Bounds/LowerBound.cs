namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>
/// A lower bound on a batch's makespan. With S the fixed start-up of a migration (target pod start, hand-off, target
/// preparation, transfer start), t the transfer time alone, V the bytes sent alone, B the source NIC, C the cluster limit
/// and L the per-node limit:
/// <code>
/// LB = max( max over source nodes n of max( S + Σ_n V/B_n , (Σ_n (S + t) + waste_n) / L ),   the busiest node: its NIC, its slots
///           (Σ_all (S + t) + edges) / C,                                           the cluster's slots
///           max_all (S + t) )                                                      the longest single migration
/// </code>
/// and, on a node whose transfers cannot fill its NIC alone, the least makespan its lanes allow
/// (<see cref="CappedLanes"/>).
/// waste_n is what a node with L = 2 must waste beside its transfers longer than S (<see cref="ShadowedLongTransfers"/>),
/// 0 otherwise; edges is what the cluster's slots must waste at the batch's start and end when it has fewer sources than
/// slots (<see cref="EdgeWaste"/>). A rolling drain's bound is the sum of its batches' bounds (a batch starts when the previous has finished).
/// A VMI that cannot converge in pre-copy even alone counts with its shortest post-copy completion
/// (<see cref="UncontendedMigration.PostCopyMinimum"/>); one that cannot be moved in any way is left out and counted.
/// </summary>
/// <param name="Seconds">The bound.</param>
/// <param name="NodeSeconds">The busiest node's term.</param>
/// <param name="BusiestNode">That node.</param>
/// <param name="ClusterSeconds">The cluster slots' term.</param>
/// <param name="LongestSeconds">The longest single migration.</param>
/// <param name="Binding">Which term is the bound: node-nic, node-slots, node-lanes, cluster or longest.</param>
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
            var node = group.ToList();
            var nic = startupSeconds + node.Sum(v => v.Alone.Bytes / v.SourceNicBytesPerSecond);
            var slots = (node.Sum(v => startupSeconds + v.Alone.TransferSeconds) + ShadowWaste(node, startupSeconds, perNodeLimit))
                / perNodeLimit;
            var lanes = CappedLanes.Seconds(node, startupSeconds, perNodeLimit);
            var term = Math.Max(Math.Max(nic, slots), lanes);
            if (term > nodeSeconds)
            {
                (nodeSeconds, busiest, nodeBinding) = (term, group.Key, lanes > Math.Max(nic, slots) ? "node-lanes" : slots > nic ? "node-slots" : "node-nic");
            }
        }

        var cluster = (movable.Sum(v => startupSeconds + v.Alone.TransferSeconds) + EdgeWaste(movable, clusterLimit)) / clusterLimit;
        var longest = movable.Count == 0 ? 0 : movable.Max(v => startupSeconds + v.Alone.TransferSeconds);
        var seconds = Math.Max(nodeSeconds, Math.Max(cluster, longest));
        var binding = seconds == nodeSeconds ? nodeBinding : seconds == cluster ? "cluster" : "longest";
        return new LowerBound(seconds, nodeSeconds, busiest, cluster, longest, binding, vms.Count - movable.Count)
        {
            PostCopied = movable.Count(v => v.Alone.ViaPostCopy),
        };
    }

    /// <summary>
    /// What the cluster's C slots must waste at the start and at the end of a batch when there are fewer sources N than
    /// slots and each guest alone fills its source's NIC (no slower best target, no cap, no post-copy): then the sources
    /// do at most N NIC-seconds of transfer per second, so a slot that is neither in a start-up nor sending is waste.
    /// Start: in [0, S + t_min] a slot holds at most S of start-up that counts in Σ (S + t) (its first migration's; a
    /// second one on the same slot starts after that one's transfer, at least t_min, has ended), and the NICs send at
    /// most N·t_min (nothing before S), so at least (C − N)·t_min of the window's C·(S + t_min) is waste. End: after the
    /// last start-up ends (it is a migration that succeeds: a failed attempt's guest needs a later one) no slot is in a
    /// start-up, and its transfer lasts at least t_min, so at least (C − N)·t_min more. With more migrations than C, some
    /// slot runs two, the last start-up ends after S + t_min and the two windows do not overlap; otherwise only one counts.
    /// </summary>
    private static double EdgeWaste(List<BoundVm> batch, int clusterLimit)
    {
        var sources = batch.Select(v => v.SourceNode).Distinct(StringComparer.Ordinal).Count();
        if (batch.Count == 0 || clusterLimit <= sources || !batch.All(FillsNic))
        {
            return 0;
        }

        var shortest = batch.Min(v => v.Alone.TransferSeconds);
        return (clusterLimit - sources) * shortest * (batch.Count > clusterLimit ? 2 : 1);
    }

    private static bool FillsNic(BoundVm v) => !v.Alone.ViaPostCopy
        && Math.Abs(v.Alone.Bytes - (v.SourceNicBytesPerSecond * v.Alone.TransferSeconds)) <= 1e-9 * v.Alone.Bytes;

    /// <summary>
    /// What a node with two slots must waste beside its long transfers (<see cref="ShadowedLongTransfers"/>), when
    /// each of its guests alone fills its NIC (no slower best target, no bandwidthPerMigration cap, no post-copy);
    /// otherwise 0: two transfers below the NIC's rate can share it without slowing each other.
    /// </summary>
    private static double ShadowWaste(List<BoundVm> node, double startupSeconds, int perNodeLimit)
    {
        return perNodeLimit == 2 && node.All(FillsNic)
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
