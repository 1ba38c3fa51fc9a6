using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Planning;

/// <summary>Predicts a drain's duration from its waves under the policy's limits and wave mode.</summary>
public static class MakespanEstimator
{
    /// <summary>
    /// Barrier: the sum of each wave's longest migration. Rolling: migrations start in wave order as soon as a cluster
    /// slot and a slot of their source are free.
    /// </summary>
    public static TimeSpan Estimate(IReadOnlyList<PlannedWave> waves, DrainPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.WaveMode == WaveMode.Barrier)
        {
            return waves.Aggregate(TimeSpan.Zero, (sum, wave) => sum + wave.PredictedDuration);
        }

        var clusterSlots = new PriorityQueue<long, long>();
        for (var i = 0; i < policy.MaxParallelMigrations; i++)
        {
            clusterSlots.Enqueue(0, 0);
        }

        var sourceSlots = new Dictionary<string, PriorityQueue<long, long>>(StringComparer.Ordinal);
        long end = 0;
        foreach (var item in waves.SelectMany(w => w.Items))
        {
            if (!sourceSlots.TryGetValue(item.Vmi.NodeName, out var slots))
            {
                slots = new PriorityQueue<long, long>();
                for (var i = 0; i < policy.MaxOutboundPerNode; i++)
                {
                    slots.Enqueue(0, 0);
                }

                sourceSlots[item.Vmi.NodeName] = slots;
            }

            var start = Math.Max(clusterSlots.Dequeue(), slots.Dequeue());
            var finish = start + item.Estimate.Duration.Ticks;
            clusterSlots.Enqueue(finish, finish);
            slots.Enqueue(finish, finish);
            end = Math.Max(end, finish);
        }

        return TimeSpan.FromTicks(end);
    }
}
