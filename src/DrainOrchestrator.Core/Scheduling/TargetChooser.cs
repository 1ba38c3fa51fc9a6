using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Picks the pinned target for one migration: a feasible node under the inbound limit, not receiving a migration that
/// needs the whole NIC while this one would send (<see cref="NicTimeline.ReceiverReadyAt"/>); preferring the preferred targets (nodes upgraded in earlier batches of a rolling upgrade), then
/// (for a VM that needs dedicated bandwidth) one receiving nothing, then (for a VM many nodes admit) a node no waiting
/// constrained migration needs (<see cref="PlannedVmi.ConstrainedTargets"/>), then the highest rate the migration would
/// get: the smaller of its source NIC and the target NIC's max-min fair share among its inbound migrations and this one
/// (so a 25 Gbit/s source takes a 25 Gbit/s receiver that already receives one migration over an idle 10 Gbit/s one),
/// then the fewest inbound migrations, the slowest NIC (a faster receiver that would give the same rate stays free for a
/// faster source), the most free memory, the name. A pinned item (a move-back's)
/// takes its pinned node or waits for it. A constrained migration waits for a receiver still busy with transfers into it
/// (<see cref="NicTimeline.ReceiverReadyAt"/>) and says until when in <see cref="Deferred"/>. A node due for a later drain is taken only when no other node has the memory
/// for the VM: while one has it but is busy receiving, the VM waits for it rather than land where it would have to move
/// again. One instance serves one decision: it reads the counters by node once, on the first choice, and follows the
/// starts it is told of, so each choice is a scan over the feasible nodes without a lookup by name.
/// </summary>
internal sealed class TargetChooser(
    PlacementIndex index, FlightCounters counters, int maxInbound, TargetPreference preference, SourceNics sourceNics,
    long assumedNic, ConstrainedDemand demand, NicTimeline timeline, DateTimeOffset now)
{
    private int[] _inbound = [];
    private bool[] _exclusive = [];
    private TargetTier[] _tier = [];
    private int[] _wanted = [];
    private bool _loaded;

    /// <summary>
    /// The earliest time a receiver that a waiting constrained migration needs becomes ready for it; null when none
    /// waited for one.
    /// </summary>
    public DateTimeOffset? Deferred { get; private set; }

    /// <summary>The candidate index (in the placement index) of the best target, or -1 when none fits or one to wait for is busy.</summary>
    public int Choose(PlannedVmi item, VmiSnapshot vmi, IReadOnlyCollection<string> avoid)
    {
        Load();
        var dedicated = item.NeedsDedicatedBandwidth;
        var flexible = item.ConstrainedTargets is null;
        var source = sourceNics.Of(vmi.NodeName);
        var cap = item.Config.Settings.BandwidthPerMigrationBytesPerSecond;
        var best = -1;
        var busyOutsideLater = false;
        (TargetTier Tier, int Shared, int Wanted, long NegativeRate, int Inbound, long NegativeNic, long NegativeFree) bestKey = default;
        foreach (var i in index.Fitting(vmi))
        {
            if (!index.IsTargetAt(i, vmi))
            {
                continue;
            }

            var node = index.Candidate(i);
            if ((avoid.Count > 0 && avoid.Contains(node.Name))
                || (item.PinnedTarget is { } pinned && !string.Equals(node.Name, pinned, StringComparison.Ordinal)))
            {
                continue;
            }

            var tier = TierAt(i);
            var inbound = _inbound[i];
            if (inbound >= maxInbound)
            {
                busyOutsideLater |= tier != TargetTier.LaterDrain;
                continue;
            }

            var nic = node.NicBandwidthBytesPerSecond is > 0 and var known ? known : assumedNic;
            if ((!flexible || _exclusive[i]) && timeline.ReceiverReadyAt(node.Name, nic) is var ready && ready > now)
            {
                // Its receiver is its critical path, or receives a migration that needs its NIC alone, and is still busy
                // when this transfer would begin: starting now would only share its NIC. Once the transfers headed there
                // are predicted to end within a start-up, it is free by the time this one sends.
                Deferred = Deferred is { } d && d <= ready ? d : ready;
                busyOutsideLater |= _exclusive[i] && tier != TargetTier.LaterDrain;
                continue;
            }

            var rate = Math.Min(source, nic / (inbound + 1));
            rate = cap > 0 ? Math.Min(rate, cap) : rate;
            var wanted = flexible && _wanted.Length > 0 && _wanted[i] > 0 ? 1 : 0;
            // Among equal rates the slowest NIC: a faster receiver stays free for a faster source (a 10 Gbit/s source on an
            // idle 25 Gbit/s receiver would halve a 25 Gbit/s source's rate there, where an idle 10 Gbit/s one serves it as well).
            var key = (tier, dedicated && inbound > 0 ? 1 : 0, wanted, -rate, inbound, nic, -index.FreeAt(i));
            var order = best < 0 ? -1 : key.CompareTo(bestKey);
            if (order < 0 || (order == 0 && string.CompareOrdinal(node.Name, index.Candidate(best).Name) < 0))
            {
                best = i;
                bestKey = key;
            }
        }

        return best >= 0 && bestKey.Tier == TargetTier.LaterDrain && busyOutsideLater ? -1 : best;
    }

    /// <summary>A migration was started into candidate <paramref name="target"/>.</summary>
    public void Taken(int target, PlannedVmi item)
    {
        _inbound[target]++;
        _exclusive[target] |= item.NeedsDedicatedBandwidth;
        if (item.ConstrainedTargets is { } few && _wanted.Length > 0)
        {
            demand.Started(few, _wanted);
        }
    }

    // A candidate's tier, looked up by name the first time a choice meets it (only when there is a preference at all).
    private TargetTier TierAt(int i)
    {
        if (preference.IsEmpty)
        {
            return TargetTier.Neutral;
        }

        if (_tier[i] == TargetTier.Unknown)
        {
            _tier[i] = preference.TierOf(index.Candidate(i).Name);
        }

        return _tier[i];
    }

    // The counters by candidate node, read once: only the few nodes receiving migrations differ.
    private void Load()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        _inbound = new int[index.CandidateCount];
        _exclusive = new bool[index.CandidateCount];
        _tier = preference.IsEmpty ? [] : new TargetTier[index.CandidateCount];
        _wanted = demand.ByCandidate(index);
        var inbound = counters.HasInbound;
        var exclusive = counters.ExclusiveTargets.Count > 0;
        if (!inbound && !exclusive)
        {
            return;
        }

        for (var i = 0; i < index.CandidateCount; i++)
        {
            var name = index.Candidate(i).Name;
            _inbound[i] = inbound ? counters.Inbound(name) : 0;
            _exclusive[i] = exclusive && counters.ExclusiveTargets.Contains(name);
        }
    }
}
