namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Cuts migrations into waves: each no larger than the cluster limit and no more per source than the per-node limit.
/// Sources with the most remaining work are served first and each gives its longest migration, so every source stays
/// busy and the long migrations, which bound the makespan, start early. A migration that needs dedicated bandwidth
/// takes its source's whole quota in its wave.
/// </summary>
public static class WaveBuilder
{
    /// <summary>Orders <paramref name="migrations"/> into waves.</summary>
    public static IReadOnlyList<IReadOnlyList<PlannedVmi>> Build(IReadOnlyList<PlannedVmi> migrations, int clusterLimit, int perNodeLimit)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perNodeLimit, 1);
        var queues = new Dictionary<string, SourceQueue>(StringComparer.Ordinal);
        foreach (var item in migrations)
        {
            if (!queues.TryGetValue(item.Vmi.NodeName, out var queue))
            {
                queue = new SourceQueue(item.Vmi.NodeName);
                queues[item.Vmi.NodeName] = queue;
            }

            queue.Items.Add(item);
            queue.RemainingTicks += item.Estimate.Duration.Ticks;
        }

        var byWork = new PriorityQueue<SourceQueue, (long, string)>(Comparer<(long Work, string Name)>.Create(
            (a, b) => a.Work != b.Work ? b.Work.CompareTo(a.Work) : string.CompareOrdinal(a.Name, b.Name)));
        foreach (var queue in queues.Values)
        {
            queue.Items.Sort((a, b) => b.Estimate.Duration.CompareTo(a.Estimate.Duration));
            byWork.Enqueue(queue, (queue.RemainingTicks, queue.Name));
        }

        var waves = new List<IReadOnlyList<PlannedVmi>>();
        var popped = new List<SourceQueue>();
        var left = queues.Values.Sum(q => q.Items.Count);
        while (byWork.Count > 0)
        {
            // A wave holds at most the cluster limit, and never more than what is left (the limit may be far larger).
            var wave = new List<PlannedVmi>(Math.Min(clusterLimit, left));
            popped.Clear();
            while (wave.Count < clusterLimit && byWork.TryDequeue(out var source, out _))
            {
                popped.Add(source);
                source.Used = source.Peek().NeedsDedicatedBandwidth ? perNodeLimit : 1;
                wave.Add(source.Take());
            }

            foreach (var source in popped)
            {
                while (wave.Count < clusterLimit && source.Used < perNodeLimit && source.HasItems && !source.Peek().NeedsDedicatedBandwidth)
                {
                    source.Used++;
                    wave.Add(source.Take());
                }

                if (source.HasItems)
                {
                    byWork.Enqueue(source, (source.RemainingTicks, source.Name));
                }
            }

            wave.Sort((a, b) => b.Estimate.Duration.CompareTo(a.Estimate.Duration));
            waves.Add(wave);
            left -= wave.Count;
        }

        return waves;
    }

    private sealed class SourceQueue(string name)
    {
        private int _next;

        public string Name { get; } = name;

        public List<PlannedVmi> Items { get; } = [];

        public long RemainingTicks { get; set; }

        public int Used { get; set; }

        public bool HasItems => _next < Items.Count;

        public PlannedVmi Peek() => Items[_next];

        public PlannedVmi Take()
        {
            var item = Items[_next++];
            RemainingTicks -= item.Estimate.Duration.Ticks;
            return item;
        }
    }
}
