using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Keeps the cluster's slots busy when the cluster limit binds. A source whose transfer lasts longer than a target's
/// start-up cannot use its other outbound slots meanwhile (just-in-time starting leaves them idle rather than share the
/// NIC), so a source in a long transfer uses one slot where a source moving short guests uses its L slots (one target
/// starts while the previous transfer runs). With N sources, per-node limit L and cluster limit C &lt; L·N, at most
/// (L·N − C) / (L − 1) sources can be in a long transfer before the others can no longer fill the C slots. Starting
/// every source's longest migration first (as <see cref="PlanIndex.MigrationOrder"/> does) puts all of them in a long
/// transfer at once and leaves slots idle; so a source's longest migration waits, and a shorter one of the same
/// source takes the slot, while that many other sources are already in a long transfer. The limit rises when the long
/// migrations left would otherwise not fit: with W the slot time of all that is left (start-up plus transfer alone)
/// and W_long that of the long ones, about C · W_long / W sources must be in a long transfer at any time, or the last
/// long migrations end after everything else (a lone long tail).
/// </summary>
/// <remarks>
/// Only when every candidate's bandwidth is known (annotated or observed): under the cost model's assumed NIC the split
/// into long and short transfers is a guess, and the bench's blind runs (no hints) were worse with it in some seeds.
/// </remarks>
internal sealed class LongTransferRotation
{
    private readonly NicTimeline _nics;
    private readonly int _limit;

    private LongTransferRotation(NicTimeline nics, int limit)
    {
        _nics = nics;
        _limit = limit;
    }

    /// <summary>
    /// The rotation for this decision, or null when the cluster limit does not bind (C ≥ L·N, or L = 1: every source
    /// runs one migration at a time anyway).
    /// </summary>
    /// <param name="nics">The decision's timeline.</param>
    /// <param name="sources">The sources that still have candidates, by name, and their candidates.</param>
    /// <param name="items">The plan's items.</param>
    /// <param name="perCluster">C.</param>
    /// <param name="perNode">L.</param>
    public static LongTransferRotation? For(NicTimeline nics, IReadOnlyList<(string Name, IEnumerable<int> Candidates)> sources,
        PlannedVmi[] items, int perCluster, int perNode)
    {
        var n = sources.Count;
        if (perNode < 2 || perCluster >= perNode * n)
        {
            return null;
        }

        var structural = (perNode * n - perCluster) / (perNode - 1);
        if (structural >= n - 1)
        {
            return null;
        }

        double work = 0, longWork = 0;
        var startup = nics.Startup.TotalSeconds;
        foreach (var (name, candidates) in sources)
        {
            work += Math.Max(0, (nics.FreeAt(name) - nics.Now).TotalSeconds);
            foreach (var item in candidates)
            {
                if (items[item].BandwidthSource == InputSource.Default)
                {
                    return null;
                }

                var transfer = TransferSeconds(nics, name, items[item]);
                work += startup + transfer;
                if (transfer > startup)
                {
                    longWork += startup + transfer;
                }
            }
        }

        var needed = work <= 0 ? 0 : (int)Math.Ceiling((perCluster * longWork / work) - 1e-9);
        return new LongTransferRotation(nics, Math.Max(structural, needed));
    }

    /// <summary>Whether another source may go into a long transfer while <paramref name="others"/> have candidates.</summary>
    public bool AllowsLong(string source, IEnumerable<string> others)
    {
        var busy = 0;
        foreach (var other in others)
        {
            if (!string.Equals(other, source, StringComparison.Ordinal) && IsLong(other) && ++busy >= _limit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether starting <paramref name="item"/> now puts <paramref name="source"/> into a long transfer.</summary>
    public bool WouldBeLong(string source, PlannedVmi item)
    {
        var ready = _nics.Now + _nics.Startup;
        var free = _nics.FreeAt(source);
        var after = (free > ready ? free : ready) + TimeSpan.FromSeconds(TransferSeconds(_nics, source, item));
        return after - _nics.Startup > ready;
    }

    // Its NIC stays busy for more than a start-up past the time a target started now is ready: its other slots idle.
    private bool IsLong(string source) => _nics.ReadyAt(source) > _nics.Now + _nics.Startup;

    private static double TransferSeconds(NicTimeline nics, string source, PlannedVmi item) =>
        (item.AloneEstimate ?? item.Estimate).TransferredBytes / (double)Math.Max(1, nics.Nic(source));
}
