using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Fills an outbound slot that just-in-time starting would leave idle. With L outbound slots per node, a migration of
/// start-up S and transfer t holds a slot for S + t, so a node whose migrations are short (t &lt; S / (L − 1)) is
/// bound by its slots, not its NIC: each costs (S + t) / L of the node's drain. While a long transfer keeps the NIC
/// busy, the node's other slot waits for the next just-in-time start; a short migration started in it meanwhile shares
/// the NIC, so its bytes still take about t of NIC time (it delays the long transfer by as much), plus what sharing
/// adds: the pages the transfers in flight re-dirty while slowed (their dirty rates times that delay) and its own extra
/// bytes at a shared rate (its planned estimate against its estimate alone). Filling pays when that is less than the
/// (S + t) / L it would cost later in a slot-bound tail. The gain also bounds how late the filler may hold the slot past
/// the node's next just-in-time start. A guest in flight whose dirty pages reach its working set within its first pass
/// re-dirties nothing more when slowed then, so a filler may share with it (even one that needs the NIC to itself) if
/// its transfer ends within that first pass. Never beside another migration that needs the NIC to itself or runs in
/// post-copy (when sharing would slow it), nor beside a migration whose cost is unknown (not ours, or no dirty rate).
/// </summary>
/// <remarks>
/// Measured (bench/results/summary.md, scenario a): sharing the NIC with a dirty guest in its drain phase is costly,
/// which the re-dirtied pages term charges; small quiet guests beside a long transfer cost almost nothing.
/// </remarks>
internal static class SlotFiller
{
    /// <summary>
    /// The predicted makespan saved by starting <paramref name="item"/> now out of <paramref name="source"/>, whose NIC
    /// is busy until its next just-in-time start at <paramref name="readyAt"/>; null when it must not start now.
    /// </summary>
    /// <param name="item">The candidate filler.</param>
    /// <param name="source">Its source node.</param>
    /// <param name="readyAt">The source's next just-in-time start.</param>
    /// <param name="nics">The decision's timeline.</param>
    /// <param name="perNodeLimit">L.</param>
    /// <param name="nicSlack">
    /// Seconds the source's NIC may still idle without lengthening its drain (<see cref="NicSlack"/>); 0 when its NIC
    /// binds.
    /// </param>
    /// <param name="lastOfSource">
    /// Whether the cluster limit binds and every candidate of the source fits in its free slots now: no later start of
    /// the source can be delayed by the slot this one holds, and the cluster slot the wait would leave idle is lost.
    /// </param>
    public static double? Gain(PlannedVmi item, string source, DateTimeOffset readyAt, NicTimeline nics, int perNodeLimit, double nicSlack = 0,
        bool lastOfSource = false)
    {
        if (perNodeLimit < 2 || item.NeedsDedicatedBandwidth || item.StartsInPostCopy || item.DirtyRateBytesPerSecond is null)
        {
            return null;
        }

        var load = nics.LoadOf(source);
        if (load.Unknown)
        {
            return null;
        }

        double nic = Math.Max(1, nics.Nic(source));
        var alone = item.AloneEstimate ?? item.Estimate;
        double rate = Math.Max(1, alone.BandwidthBytesPerSecond);
        var transfer = alone.TransferredBytes / rate;
        var startup = nics.Startup.TotalSeconds;

        // Does sharing slow anyone? Not when bandwidthPerMigration keeps the transfers below the NIC together.
        var slows = load.Bandwidth + rate > nic;
        if (slows && load.Dedicated)
        {
            return null;
        }

        // It holds the slot for its shared duration. Past the first pass of a guest beside it whose dirty pages have
        // reached their working set (NicTimeline's FreeUntil), that guest re-dirties pages again while slowed.
        var endsAt = nics.Now + (slows ? item.Estimate.Duration : alone.Duration);
        var pastFirstPass = slows && load.FreeUntil is { } freeUntil && endsAt > freeUntil;
        if (pastFirstPass && load.LaterDedicated)
        {
            return null;
        }

        var delay = slows ? alone.TransferredBytes / nic : 0;
        var redirtied = delay * (load.DirtyRate + (pastFirstPass ? load.LaterDirtyRate : 0)) / nic;
        var ownExtra = slows ? Math.Max(0, item.Estimate.TransferredBytes - alone.TransferredBytes) / nic : 0;
        var gain = ((startup + transfer) / perNodeLimit) - (slows ? transfer : 0) - redirtied - ownExtra;
        if (gain <= 0)
        {
            return null;
        }

        // The next just-in-time start moves by its bytes on the NIC.

        var nextStart = readyAt + TimeSpan.FromSeconds(delay);
        if (endsAt <= nextStart + TimeSpan.FromSeconds(gain))
        {
            return gain;
        }

        // Slot-bound: the filler holds the slot past the next just-in-time start, which then starts later and leaves the
        // NIC idle meanwhile. That costs nothing while the source's NIC has that much slack; what it saves is the slot
        // idle until then (the wait), against the slot time sharing costs (its bytes slow both transfers).
        // The source's last starts: there is no next start to delay, so only what sharing costs weighs against the wait
        // (its bytes are sent beside the transfer in flight instead of after it; the NIC carries the same bytes).
        var late = (endsAt - nextStart).TotalSeconds;
        var wait = (readyAt - nics.Now).TotalSeconds;
        var cost = (slows ? 2 * delay : 0) + redirtied + ownExtra;
        return (late <= nicSlack || lastOfSource) && wait > cost ? gain : null;
    }

    /// <summary>
    /// Seconds the NIC of a source may idle without lengthening its drain: its slot term (the busy slots until the NIC
    /// is free, and every candidate's start-up plus transfer alone, over <paramref name="perNodeLimit"/> slots) minus its
    /// NIC term (the NIC's queue, at least a start-up, then every candidate's transfer alone). Zero or less when the NIC
    /// binds; zero when a candidate's bandwidth or dirty rate is only the cost model's assumption (the split between slot
    /// and NIC time is then a guess: the bench's blind runs were slower with it).
    /// </summary>
    /// <remarks>
    /// Only the node's own slots: the caller passes no slack when the cluster limit may bind, since a slot this node
    /// leaves idle is then one another source can use.
    /// </remarks>
    /// <param name="source">The source node.</param>
    /// <param name="busySlots">Its migrations in flight.</param>
    /// <param name="candidates">Its candidates.</param>
    /// <param name="nics">The decision's timeline.</param>
    /// <param name="perNodeLimit">L.</param>
    public static double NicSlack(string source, int busySlots, IEnumerable<PlannedVmi> candidates, NicTimeline nics, int perNodeLimit)
    {
        var startup = nics.Startup.TotalSeconds;
        double nic = Math.Max(1, nics.Nic(source));
        var queued = Math.Max(0, (nics.FreeAt(source) - nics.Now).TotalSeconds);
        double transfers = 0, slots = 0;
        foreach (var item in candidates)
        {
            if (item.BandwidthSource == InputSource.Default || item.DirtyRateSource == InputSource.Default)
            {
                return 0;
            }

            var seconds = (item.AloneEstimate ?? item.Estimate).TransferredBytes / nic;
            transfers += seconds;
            slots += startup + seconds;
        }

        var slotTerm = ((busySlots * queued) + slots) / Math.Max(1, perNodeLimit);
        return slotTerm - (Math.Max(queued, startup) + transfers);
    }
}
