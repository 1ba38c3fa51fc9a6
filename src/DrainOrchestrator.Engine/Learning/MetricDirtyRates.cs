using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>Puts the metrics' dirty rates (by namespace and name, as KubeVirt labels them) on a snapshot's VMIs (by uid).</summary>
public static class MetricDirtyRates
{
    /// <summary><paramref name="snapshot"/> with <see cref="ClusterSnapshot.MetricDirtyRates"/> for every VMI the metrics name.</summary>
    public static ClusterSnapshot Apply(ClusterSnapshot snapshot, IReadOnlyDictionary<(string Namespace, string Name), long> rates)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count == 0)
        {
            return snapshot;
        }

        var byUid = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var vmi in snapshot.Vmis)
        {
            if (rates.TryGetValue((vmi.Namespace, vmi.Name), out var rate))
            {
                byUid[vmi.Uid] = rate;
            }
        }

        return snapshot with { MetricDirtyRates = byUid };
    }
}
