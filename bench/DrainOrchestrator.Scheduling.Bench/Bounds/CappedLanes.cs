namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>
/// A node's term when no transfer out of it can fill its NIC alone (a <c>bandwidthPerMigration</c> cap, or slower
/// targets): the NIC is then full only while two or more transfers share it, and each of those holds a slot longer.
/// With z_k the time during which exactly k of its transfers run (k ≤ L), r the fastest any of them can send and B the
/// NIC, every schedule of the node's N migrations, sending V bytes in all, ending at T satisfies
/// <code>
/// Σ_k z_k ≤ T − S                 no transfer before the first start-up has ended
/// Σ_k z_k · min(B, k·r) ≥ V       k transfers send at most min(B, k·r) together, and a slower one sends at least its V
/// N·S + Σ_k k·z_k ≤ L·T           each migration holds a slot through its start-up and its transfer
/// </code>
/// The term is the least T for which some z ≥ 0 satisfies all three (a linear program with two constraints besides
/// the bytes: its best z uses at most two values of k, so each pair is solved in closed form). When r reaches B it
/// adds nothing to the NIC and slot terms, and 0 is returned; so too with one slot per node (the slot term then) and for
/// a node with a post-copy guest, whose bytes and transfer time do not give a rate.
/// </summary>
internal static class CappedLanes
{
    public static double Seconds(IReadOnlyList<BoundVm> node, double startupSeconds, int perNodeLimit)
    {
        if (perNodeLimit < 2 || node.Count == 0 || node.Any(v => v.Alone.ViaPostCopy || v.Alone.TransferSeconds <= 0))
        {
            return 0;
        }

        var nic = node[0].SourceNicBytesPerSecond;
        var fastest = node.Max(v => v.Alone.Bytes / v.Alone.TransferSeconds);
        if (fastest >= nic * (1 - 1e-9))
        {
            return 0;
        }

        var bytes = node.Sum(v => v.Alone.Bytes);
        var lanes = Math.Min(perNodeLimit, node.Count);
        var low = startupSeconds;
        var high = Math.Max(startupSeconds + bytes / fastest, (node.Count * startupSeconds + bytes / fastest) / perNodeLimit) + 1;
        for (var i = 0; i < 100 && high - low > 1e-9; i++)
        {
            var mid = (low + high) / 2;
            if (MostBytes(mid - startupSeconds, perNodeLimit * mid - node.Count * startupSeconds, lanes, fastest, nic) >= bytes)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }

    // The most bytes the node can send with at most `time` seconds of transfers and `slotTime` slot-seconds of them:
    // max Σ z_k·ρ_k subject to Σ z_k ≤ time and Σ k·z_k ≤ slotTime, ρ_k = min(nic, k·rate).
    private static double MostBytes(double time, double slotTime, int lanes, double rate, double nic)
    {
        if (time <= 0 || slotTime <= 0)
        {
            return 0;
        }

        var best = 0.0;
        for (var k = 1; k <= lanes; k++)
        {
            best = Math.Max(best, Rate(k, rate, nic) * Math.Min(time, slotTime / k));
            for (var j = 1; j < k; j++)
            {
                // Both constraints tight: z_j + z_k = time, j·z_j + k·z_k = slotTime.
                var zk = (slotTime - j * time) / (k - j);
                var zj = time - zk;
                if (zk >= 0 && zj >= 0)
                {
                    best = Math.Max(best, Rate(j, rate, nic) * zj + Rate(k, rate, nic) * zk);
                }
            }
        }

        return best;
    }

    private static double Rate(int k, double rate, double nic) => Math.Min(nic, k * rate);
}
