using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Fills free slots. Each slot goes to the source node with the most remaining work that still has an outbound slot and
/// whose NIC will be free by the time a new target is ready (<see cref="NicTimeline"/>), and takes that node's longest
/// migration: long migrations bound the makespan, and starting just in time overlaps a target's start-up with the
/// previous transfer instead of splitting the NIC between two transfers. A migration that needs the whole NIC is timed
/// the same way, so its transfer does not overlap another out of the same node. A source that is not ready is left for
/// later (its slot may go to another source meanwhile) and reported in <see cref="Deferred"/> with the time to ask again.
/// </summary>
/// <remarks>
/// Filling an idle slot with a short migration that shares a busy NIC was measured and rejected: the guest being copied
/// re-dirties pages while its share is halved, which cost more than the idle slot (bench/results/summary.md, scenario a).
/// </remarks>
internal sealed class SourceSelection(FlightCounters counters, NicTimeline nics, DrainPolicy policy)
{
    private readonly Dictionary<string, List<ItemView>> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _work = new(StringComparer.Ordinal);

    /// <summary>The earliest time a source left for later becomes ready; null when none was.</summary>
    public DateTimeOffset? Deferred { get; private set; }

    public List<(ItemView View, string Target)> Fill(List<ItemView> candidates, Func<ItemView, string?> chooseTarget)
    {
        var started = new List<(ItemView, string)>();
        if (counters.Cluster >= policy.MaxParallelMigrations || candidates.Count == 0)
        {
            return started;
        }

        foreach (var view in candidates)
        {
            if (!_bySource.TryGetValue(view.Source, out var list))
            {
                list = [];
                _bySource[view.Source] = list;
            }

            list.Add(view);
            _work[view.Source] = _work.GetValueOrDefault(view.Source) + view.DurationTicks;
        }

        foreach (var list in _bySource.Values)
        {
            list.Sort((a, b) => b.DurationTicks != a.DurationTicks
                ? b.DurationTicks.CompareTo(a.DurationTicks)
                : string.CompareOrdinal(a.Vmi.Uid, b.Vmi.Uid));
        }

        while (counters.Cluster < policy.MaxParallelMigrations)
        {
            if (NextReady() is not { } source)
            {
                break;
            }

            var chosen = _bySource[source][0];
            _bySource[source].RemoveAt(0);
            _work[source] -= chosen.DurationTicks;
            if (_bySource[source].Count == 0)
            {
                _bySource.Remove(source);
            }

            if (chooseTarget(chosen) is not { } target)
            {
                continue;
            }

            counters.Add(source, target, chosen.Vmi.MemoryBytes, chosen.Item.NeedsDedicatedBandwidth);
            nics.Start(source, chosen.Item);
            started.Add((chosen, target));
        }

        return started;
    }

    // The busiest source with a free slot whose NIC is ready; sources that are not ready yet are noted as deferred.
    private string? NextReady()
    {
        string? best = null;
        foreach (var source in _bySource.Keys)
        {
            if (counters.Outbound(source) >= policy.MaxOutboundPerNode)
            {
                continue;
            }

            if (!nics.IsReady(source))
            {
                var ready = nics.ReadyAt(source);
                Deferred = Deferred is { } d && d <= ready ? d : ready;
                continue;
            }

            if (IsBusier(source, best))
            {
                best = source;
            }
        }

        return best;
    }

    private bool IsBusier(string source, string? than) =>
        than is null || _work[source] > _work[than] || (_work[source] == _work[than] && string.CompareOrdinal(source, than) < 0);
}
