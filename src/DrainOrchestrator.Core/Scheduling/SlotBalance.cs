using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Which of a ready source's candidates to start so that its slots end together. Longest first is the right rule while
/// a source's NIC binds, but a source bound by its own L slots (short transfers beside a start-up of several seconds)
/// finishes when its last slot does: longest first there can leave one slot running a last short migration while the
/// others idle (two long migrations split between two slots, an odd number of short ones after them). So the source's
/// remaining work is played forward in an order of its candidates: each migration takes the slot free first, holds it
/// for its start-up, then sends once the NIC is free (the NIC one server, transfers one after another at its rate).
/// Starting from the longest first, two candidates of different lengths swap places while that ends the play sooner
/// (at most 400 plays); the first of the order found starts now, when its predicted end of the source's drain is
/// earlier than the longest first's.
/// </summary>
/// <remarks>
/// Only once the source has a migration in flight (its first start is the longest, and the slot beside it is the
/// <see cref="SlotFiller"/>'s, which the play forward does not model), only when the source's candidates are few (the tail, where the balance of the slots decides), each one's bandwidth
/// and dirty rate are known (the split between slot and NIC time is otherwise a guess), none is constrained to a few
/// receivers nor capped below half the NIC, every receiver is at least as fast as the source (a transfer into a slower
/// one lasts longer than the source's NIC says, and the play forward would misjudge the slots; measured on scenario e) (capped transfers run side by side: <see cref="NicTimeline"/>), and the
/// cluster limit cannot bind (a slot this source leaves idle is then lost, not taken by another source).
/// </remarks>
internal static class SlotBalance
{
    /// <summary>Beyond this many candidates on the source, the longest first (the balance of the tail is decided later).</summary>
    public const int MaxCandidates = 48;

    // Plays of the order at most per decision (about 48 slot steps each).
    private const int MaxPlays = 400;

    // An earlier end by less than this is noise in the prediction: the longest first then.
    private const double MinGainSeconds = 0.1;

    /// <summary>
    /// The candidate to start now out of <paramref name="source"/> (an item of <paramref name="queue"/>), or null for
    /// the first of the queue (its longest).
    /// </summary>
    /// <param name="source">The ready source.</param>
    /// <param name="busySlots">Its migrations in flight.</param>
    /// <param name="queue">Its candidates, longest first.</param>
    /// <param name="items">The plan's items.</param>
    /// <param name="nics">The decision's timeline.</param>
    /// <param name="perNodeLimit">L.</param>
    /// <param name="slowestReceiverNic">The slowest NIC among the nodes that may receive (0 when one is unknown).</param>
    public static int? Choose(string source, int busySlots, IReadOnlyList<int> queue, PlannedVmi[] items, NicTimeline nics, int perNodeLimit,
        long slowestReceiverNic)
    {
        if (perNodeLimit < 2 || busySlots < 1 || busySlots >= perNodeLimit || queue.Count < 2 || queue.Count > MaxCandidates
            || slowestReceiverNic < nics.Nic(source))
        {
            return null;
        }

        double nic = Math.Max(1, nics.Nic(source));
        var transfers = new double[queue.Count];
        for (var k = 0; k < queue.Count; k++)
        {
            var item = items[queue[k]];
            if (!PlaysForward(item, nic))
            {
                return null;
            }

            transfers[k] = (item.AloneEstimate ?? item.Estimate).TransferredBytes / nic;
        }

        var startup = nics.Startup.TotalSeconds;
        var busyUntil = Math.Max(0, (nics.FreeAt(source) - nics.Now).TotalSeconds);
        var slots = new double[perNodeLimit];
        var order = new int[queue.Count];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        var longest = PlayForward(order, transfers, slots, busySlots, busyUntil, startup);
        var end = ImproveOrder(order, transfers, slots, busySlots, busyUntil, startup, longest);
        return end < longest - MinGainSeconds && order[0] != 0 ? queue[order[0]] : null;
    }

    // Swaps two candidates of different lengths in the order while that ends the play sooner (the first swap found that
    // does, then the scan starts again), within MaxPlays plays; returns the end of the order it leaves. One choice now
    // followed by the longest first can miss a better tail: two slots end together when the longer candidates go to the
    // same slot, which takes two moves at once (scenario a's last webs and sandboxes: 424.6 s against 422.9 s).
    private static double ImproveOrder(int[] order, double[] transfers, double[] slots, int busySlots, double busyUntil, double startup, double end)
    {
        var plays = 1;
        var improved = true;
        while (improved && plays < MaxPlays)
        {
            improved = OrderSwaps.TryImprove(order, transfers, () => PlayForward(order, transfers, slots, busySlots, busyUntil, startup), ref end, ref plays,
                MaxPlays);
        }

        return end;
    }

    /// <summary>
    /// Whether a play forward of slots and NIC time (this one's, <see cref="DrainRollout"/>'s) can stand for
    /// <paramref name="item"/> out of a source with <paramref name="nic"/> bytes/s: its bandwidth and dirty rate are known
    /// (under assumed ones the split between slot and NIC time is a guess), any receiver takes it (none constrained or
    /// pinned), and it is not capped below half the NIC (capped transfers run side by side: <see cref="NicTimeline"/>).
    /// </summary>
    public static bool PlaysForward(PlannedVmi item, double nic) =>
        item.BandwidthSource != InputSource.Default && item.DirtyRateSource != InputSource.Default
        && item.ConstrainedTargets is null && item.PinnedTarget is null
        && (item.AloneEstimate ?? item.Estimate).BandwidthBytesPerSecond * 2 > nic;

    // The predicted end of the source's drain (seconds from now) when its candidates start in `order`, each in the slot
    // free first. Busy slots are free when the NIC's queue is.
    private static double PlayForward(int[] order, double[] transfers, double[] slots, int busySlots, double busyUntil, double startup)
    {
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s] = s < busySlots ? busyUntil : 0;
        }

        var nicFree = busyUntil;
        var end = busyUntil;
        foreach (var k in order)
        {
            var slot = 0;
            for (var s = 1; s < slots.Length; s++)
            {
                if (slots[s] < slots[slot])
                {
                    slot = s;
                }
            }

            var done = Math.Max(slots[slot] + startup, nicFree) + transfers[k];
            nicFree = done;
            slots[slot] = done;
            end = Math.Max(end, done);
        }

        return end;
    }
}
