using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Picks the pinned target for one migration: a feasible node under the inbound limit, not receiving a migration that
/// needs the whole NIC; preferring nodes not due for a later drain, then (for a VM that needs dedicated bandwidth) one
/// receiving nothing, then the fewest inbound migrations, the fastest NIC, the most free memory, the name. One instance
/// serves one decision: it reads the counters by node once, on the first choice, and follows the starts it is told of,
/// so each choice is a scan over the feasible nodes without a lookup by name.
/// </summary>
internal sealed class TargetChooser(PlacementIndex index, FlightCounters counters, int maxInbound, IReadOnlySet<string>? laterDrain)
{
    private int[] _inbound = [];
    private bool[] _exclusive = [];
    private bool[] _later = [];
    private bool _loaded;

    /// <summary>The candidate index (in the placement index) of the best target, or -1 when none fits.</summary>
    public int Choose(PlannedVmi item, VmiSnapshot vmi, IReadOnlyCollection<string> avoid)
    {
        Load();
        var dedicated = item.NeedsDedicatedBandwidth;
        var best = -1;
        (int Later, int Shared, int Inbound, long NegativeNic, long NegativeFree) bestKey = default;
        foreach (var i in index.Fitting(vmi))
        {
            if (!index.IsTargetAt(i, vmi))
            {
                continue;
            }

            var node = index.Candidate(i);
            var inbound = _inbound[i];
            if (inbound >= maxInbound || _exclusive[i] || (avoid.Count > 0 && avoid.Contains(node.Name)))
            {
                continue;
            }

            var key = (
                _later[i] ? 1 : 0,
                dedicated && inbound > 0 ? 1 : 0,
                inbound,
                -(node.NicBandwidthBytesPerSecond ?? 0),
                -index.FreeAt(i));
            var order = best < 0 ? -1 : key.CompareTo(bestKey);
            if (order < 0 || (order == 0 && string.CompareOrdinal(node.Name, index.Candidate(best).Name) < 0))
            {
                best = i;
                bestKey = key;
            }
        }

        return best;
    }

    /// <summary>A migration was started into candidate <paramref name="target"/>.</summary>
    public void Taken(int target, bool dedicated)
    {
        _inbound[target]++;
        _exclusive[target] |= dedicated;
    }

    // The counters by candidate node, read once: only the few nodes receiving migrations or due for a later drain differ.
    private void Load()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        _inbound = new int[index.CandidateCount];
        _exclusive = new bool[index.CandidateCount];
        _later = new bool[index.CandidateCount];
        var inbound = counters.HasInbound;
        var exclusive = counters.ExclusiveTargets.Count > 0;
        var later = laterDrain is { Count: > 0 };
        if (!inbound && !exclusive && !later)
        {
            return;
        }

        for (var i = 0; i < index.CandidateCount; i++)
        {
            var name = index.Candidate(i).Name;
            _inbound[i] = inbound ? counters.Inbound(name) : 0;
            _exclusive[i] = exclusive && counters.ExclusiveTargets.Contains(name);
            _later[i] = later && laterDrain!.Contains(name);
        }
    }
}
