using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Picks the pinned target for one migration: a feasible node under the inbound limit, not receiving a migration that
/// needs the whole NIC; preferring nodes not due for a later drain, then (for a VM that needs dedicated bandwidth) one
/// receiving nothing, then the fewest inbound migrations, the fastest NIC, the most free memory, the name.
/// </summary>
internal static class TargetChooser
{
    public static NodeSnapshot? Choose(
        ItemView view, PlacementIndex index, FlightCounters counters, int maxInbound, IReadOnlySet<string>? laterDrain)
    {
        var dedicated = view.Item.NeedsDedicatedBandwidth;
        NodeSnapshot? best = null;
        (int Later, int Shared, int Inbound, long NegativeNic, long NegativeFree) bestKey = default;
        foreach (var node in index.FeasibleTargets(view.Vmi))
        {
            var inbound = counters.Inbound(node.Name);
            if (inbound >= maxInbound || counters.ExclusiveTargets.Contains(node.Name) || view.AvoidTargets.Contains(node.Name))
            {
                continue;
            }

            var key = (
                laterDrain is not null && laterDrain.Contains(node.Name) ? 1 : 0,
                dedicated && inbound > 0 ? 1 : 0,
                inbound,
                -(node.NicBandwidthBytesPerSecond ?? 0),
                -(index.FreeMemory(node.Name) ?? 0));
            if (best is null || key.CompareTo(bestKey) < 0
                || (key.CompareTo(bestKey) == 0 && string.CompareOrdinal(node.Name, best.Name) < 0))
            {
                best = node;
                bestKey = key;
            }
        }

        return best;
    }
}
