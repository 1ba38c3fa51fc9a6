using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Fills free slots: each slot goes to the source node with the most remaining work that still has an outbound slot,
/// and takes that node's longest migration. A migration that needs dedicated bandwidth starts only from a source with
/// nothing else outbound, and keeps the source to itself while it runs.
/// </summary>
internal static class SourceSelection
{
    public static List<(ItemView View, string Target)> Fill(
        List<ItemView> candidates, FlightCounters counters, DrainPolicy policy, Func<ItemView, string?> chooseTarget)
    {
        var started = new List<(ItemView, string)>();
        if (counters.Cluster >= policy.MaxParallelMigrations || candidates.Count == 0)
        {
            return started;
        }

        var bySource = new Dictionary<string, List<ItemView>>(StringComparer.Ordinal);
        var work = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var view in candidates)
        {
            if (!bySource.TryGetValue(view.Source, out var list))
            {
                list = [];
                bySource[view.Source] = list;
            }

            list.Add(view);
            work[view.Source] = work.GetValueOrDefault(view.Source) + view.DurationTicks;
        }

        foreach (var list in bySource.Values)
        {
            list.Sort((a, b) => b.DurationTicks != a.DurationTicks
                ? b.DurationTicks.CompareTo(a.DurationTicks)
                : string.CompareOrdinal(a.Vmi.Uid, b.Vmi.Uid));
        }

        while (counters.Cluster < policy.MaxParallelMigrations)
        {
            string? bestSource = null;
            var bestIndex = -1;
            foreach (var (source, list) in bySource)
            {
                if (counters.Outbound(source) >= policy.MaxOutboundPerNode || counters.ExclusiveSources.Contains(source))
                {
                    continue;
                }

                var index = list.FindIndex(v => !v.Item.NeedsDedicatedBandwidth || counters.Outbound(source) == 0);
                if (index >= 0 && (bestSource is null || work[source] > work[bestSource]
                    || (work[source] == work[bestSource] && string.CompareOrdinal(source, bestSource) < 0)))
                {
                    (bestSource, bestIndex) = (source, index);
                }
            }

            if (bestSource is null)
            {
                break;
            }

            var chosen = bySource[bestSource][bestIndex];
            bySource[bestSource].RemoveAt(bestIndex);
            work[bestSource] -= chosen.DurationTicks;
            if (bySource[bestSource].Count == 0)
            {
                bySource.Remove(bestSource);
            }

            var target = chooseTarget(chosen);
            if (target is null)
            {
                continue;
            }

            counters.Add(bestSource, target, chosen.Vmi.MemoryBytes, chosen.Item.NeedsDedicatedBandwidth);
            started.Add((chosen, target));
        }

        return started;
    }
}
