using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// The labels a real cluster puts on every node (os, arch, KubeVirt's schedulable mark) and namespace (its name), given
/// to the model before the first render, so that what clients see and what the model schedules and selects by agree.
/// </summary>
internal static class LabelDefaults
{
    private static readonly (string Key, string Value)[] NodeLabels =
        [("kubernetes.io/os", "linux"), ("kubernetes.io/arch", "amd64"), (KubeVirtNames.SchedulableLabel, "true")];

    public static void Apply(SimulatedCluster cluster)
    {
        foreach (var node in cluster.GetNodes())
        {
            if (NodeLabels.All(l => node.Labels.ContainsKey(l.Key)))
            {
                continue;
            }

            var labels = new Dictionary<string, string>(node.Labels, StringComparer.Ordinal);
            foreach (var (key, value) in NodeLabels)
            {
                labels.TryAdd(key, value);
            }

            cluster.SetNodeLabels(node.Name, labels);
        }

        foreach (var ns in cluster.GetNamespaces().Where(n => !n.Labels.ContainsKey(KubeVirtNames.NamespaceNameLabel)))
        {
            cluster.SetNamespaceLabels(ns.Name,
                new Dictionary<string, string>(ns.Labels, StringComparer.Ordinal) { [KubeVirtNames.NamespaceNameLabel] = ns.Name });
        }
    }
}
