namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// What the transfers of a running drain showed about the inputs the plan had to assume (docs/learned-inputs.md,
/// "Within a drain"):
/// <list type="bullet">
/// <item>a floor under each node's NIC: the bytes that went through it while one transfer ran, over that transfer's
/// time (each finished transfer's memory spread evenly over its time: a pre-copy sends at least that, so this never
/// overstates what the NIC carried);</item>
/// <item>a guest's dirty rate: a pre-copy that did not converge dirtied at least as fast as its share of the NICs
/// (the bandwidth cap, or the NIC divided among the transfers through it meanwhile); one that succeeded, the rate under
/// which the cost model takes as long as it took (<see cref="DirtyRateInference"/>).</item>
/// </list>
/// <see cref="Changes"/> counts the changes large enough to plan again for.
/// </summary>
/// <param name="assumedNicBandwidth">The NIC bandwidth assumed for a node nothing is known of.</param>
/// <param name="annotatedNic">A node's NIC bandwidth from its annotation, if any: no floor is kept for such a node.</param>
public sealed class DrainEvidence(long assumedNicBandwidth, Func<string, long?> annotatedNic)
{
    // A NIC floor counts as new when it beats the last by this fraction; a dirty rate when it moves by this one.
    private const double NicStep = 1.05;
    private const double DirtyStep = 1.10;

    // The margins on a learned dirty rate. From a pre-copy's time, the rounds of a guest that re-writes all its memory:
    // a guest that keeps re-writing a smaller working set converges sooner at the same rate, so the time understates the
    // rate; and a sharing decided at 0.8 of the share or more is one slower transfer away from not converging. From a
    // failure, the share it got is a floor measured on estimated NICs.
    private const double InferredMargin = 1.25;
    private const double FailureMargin = 1.10;

    private readonly Dictionary<string, List<ObservedTransfer>> _finishedThrough = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ObservedTransfer>> _runningThrough = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nicFloors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dirtyRates = new(StringComparer.Ordinal);

    /// <summary>How many times a floor or a dirty rate moved enough to plan again.</summary>
    public int Changes { get; private set; }

    /// <summary>The NIC floors above the assumed bandwidth, by node (nodes with an annotated NIC have none).</summary>
    public IReadOnlyDictionary<string, long> NicFloors => _nicFloors;

    /// <summary>The dirty rates learned, by VMI uid.</summary>
    public IReadOnlyDictionary<string, long> DirtyRates => _dirtyRates;

    /// <summary>The transfers still running now (replacing those given before).</summary>
    public void Running(IEnumerable<ObservedTransfer> running)
    {
        ArgumentNullException.ThrowIfNull(running);
        _runningThrough.Clear();
        foreach (var t in running)
        {
            Through(_runningThrough, t.SourceNode).Add(t);
            Through(_runningThrough, t.TargetNode).Add(t);
        }
    }

    /// <summary>A transfer that ended; each is given once.</summary>
    public void Finished(ObservedTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (transfer.End is null || transfer.Ending == TransferEnding.Running)
        {
            return;
        }

        Through(_finishedThrough, transfer.SourceNode).Add(transfer);
        Through(_finishedThrough, transfer.TargetNode).Add(transfer);
        if (transfer.Ending == TransferEnding.Succeeded)
        {
            RaiseFloor(transfer.SourceNode, transfer);
            RaiseFloor(transfer.TargetNode, transfer);
        }

        if (transfer.PostCopy)
        {
            return;
        }

        var seconds = transfer.SecondsUntil(transfer.End.Value);
        if (transfer.Ending == TransferEnding.DidNotConverge)
        {
            Learn(transfer.VmiUid, (long)(Share(transfer) * FailureMargin), keepHigher: true);
        }
        else if (transfer.Ending == TransferEnding.Succeeded
            && DirtyRateInference.FromPreCopy(transfer.MemoryBytes, seconds, Share(transfer), transfer.MaxDowntime) is var rate and > 0)
        {
            Learn(transfer.VmiUid, (long)(rate * InferredMargin), keepHigher: false);
        }
    }

    /// <summary>A node's NIC bandwidth as the evidence has it: the annotation, else the floor when above the assumed one.</summary>
    public long NicOf(string node) =>
        annotatedNic(node) ?? Math.Max(_nicFloors.GetValueOrDefault(node), assumedNicBandwidth);

    // The bandwidth the transfer got on average: the cap, or each end's NIC divided among the transfers through it.
    private long Share(ObservedTransfer transfer)
    {
        var source = NicOf(transfer.SourceNode) / Occupancy(transfer.SourceNode, transfer);
        var target = NicOf(transfer.TargetNode) / Occupancy(transfer.TargetNode, transfer);
        var share = Math.Min(source, target);
        var cap = transfer.BandwidthCapBytesPerSecond;
        return (long)Math.Max(1, cap > 0 ? Math.Min(share, cap) : share);
    }

    // 1 plus the time-weighted count of the other transfers through the node during this one.
    private double Occupancy(string node, ObservedTransfer transfer)
    {
        var end = transfer.End!.Value;
        var seconds = transfer.SecondsUntil(end);
        if (seconds <= 0)
        {
            return 1;
        }

        var others = 0.0;
        foreach (var list in (List<ObservedTransfer>?[])[_finishedThrough.GetValueOrDefault(node), _runningThrough.GetValueOrDefault(node)])
        {
            foreach (var other in list ?? [])
            {
                if (!ReferenceEquals(other, transfer) && !SameTransfer(other, transfer))
                {
                    others += Overlap(other, transfer.Start, end, end) / seconds;
                }
            }
        }

        return 1 + others;
    }

    private void RaiseFloor(string node, ObservedTransfer transfer)
    {
        if (annotatedNic(node) is not null)
        {
            return;
        }

        var end = transfer.End!.Value;
        var seconds = transfer.SecondsUntil(end);
        if (seconds <= 0)
        {
            return;
        }

        var bytes = 0.0;
        foreach (var other in _finishedThrough.GetValueOrDefault(node) ?? [])
        {
            if (other.Ending == TransferEnding.Succeeded && other.End is { } otherEnd && (otherEnd - other.Start).TotalSeconds is var length and > 0)
            {
                bytes += other.MemoryBytes * Overlap(other, transfer.Start, end, end) / length;
            }
        }

        var floor = (long)(bytes / seconds);
        var known = Math.Max(_nicFloors.GetValueOrDefault(node), assumedNicBandwidth);
        if (floor > known * NicStep)
        {
            _nicFloors[node] = floor;
            Changes++;
        }
    }

    private void Learn(string uid, long rate, bool keepHigher)
    {
        var had = _dirtyRates.TryGetValue(uid, out var old);
        var next = keepHigher && had ? Math.Max(old, rate) : rate;
        if (!had || next > old * DirtyStep || next * DirtyStep < old)
        {
            _dirtyRates[uid] = next;
            Changes++;
        }
    }

    // Seconds of [start, end] during which the other transfer ran (a running one runs until now).
    private static double Overlap(ObservedTransfer other, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var from = other.Start > start ? other.Start : start;
        var otherEnd = other.End ?? now;
        var to = otherEnd < end ? otherEnd : end;
        return Math.Max(0, (to - from).TotalSeconds);
    }

    private static bool SameTransfer(ObservedTransfer a, ObservedTransfer b) =>
        a.Start == b.Start && string.Equals(a.VmiUid, b.VmiUid, StringComparison.Ordinal);

    private static List<ObservedTransfer> Through(Dictionary<string, List<ObservedTransfer>> map, string node)
    {
        if (!map.TryGetValue(node, out var list))
        {
            list = [];
            map[node] = list;
        }

        return list;
    }
}
