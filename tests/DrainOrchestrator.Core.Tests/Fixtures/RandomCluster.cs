using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Fixtures;

/// <summary>Seeded random clusters for property-style tests.</summary>
internal static class RandomCluster
{
    public static ClusterSnapshot Generate(int seed, int nodes, int vmis, long nodeMemoryGiB = 256)
    {
        var random = new Random(seed);
        var nodeList = new List<NodeSnapshot>(nodes);
        for (var i = 0; i < nodes; i++)
        {
            var zone = "zone-" + (i % 3);
            var labels = Make.Labels("kubernetes.io/hostname=node-" + i, "topology.kubernetes.io/zone=" + zone,
                "gpu=" + (i % 10 == 0 ? "true" : "false"));
            IReadOnlyList<Taint> taints = i % 17 == 0 ? [new Taint("dedicated", "db", TaintEffect.NoSchedule)] : [];
            nodeList.Add(Make.Node("node-" + i, nodeMemoryGiB, 0, labels: labels, taints: taints,
                nic: random.Next(3) == 0 ? null : 1_250_000_000L * (1 + random.Next(4))));
        }

        var requested = new long[nodes];
        var vmiList = new List<VmiSnapshot>(vmis);
        for (var i = 0; i < vmis; i++)
        {
            var node = random.Next(nodes);
            var memory = 1L << random.Next(0, 5);
            var kind = random.Next(20);
            var vmi = Make.Vmi("vm-" + i, "node-" + node, memory,
                labels: Make.Labels("app=app-" + (i % 50), "tier=" + (i % 3 == 0 ? "db" : "web")),
                namespaceLabels: Make.Labels("team=t" + (i % 7)),
                dirtyRate: kind == 0 ? 400_000_000L : random.Next(2) == 0 ? null : random.Next(50_000_000),
                liveMigratable: kind != 1, reason: kind == 1 ? "DisksNotLiveMigratable" : null,
                nodeSelector: kind == 2 ? Make.Labels("topology.kubernetes.io/zone=zone-" + (i % 3)) : null,
                affinity: kind == 3
                    ? [new NodeSelectorTerm([new NodeSelectorRequirement("gpu", SelectorOperator.NotIn, ["true"])])]
                    : null,
                tolerations: kind == 4 ? [new Toleration("dedicated", TolerationOperator.Equal, "db", TaintEffect.NoSchedule)] : null,
                ns: "ns-" + (i % 7));
            requested[node] += vmi.MemoryBytes;
            vmiList.Add(vmi);
        }

        for (var i = 0; i < nodes; i++)
        {
            nodeList[i] = nodeList[i] with { RequestedMemoryBytes = Math.Min(requested[i], nodeList[i].AllocatableMemoryBytes) };
        }

        var policies = new List<MigrationPolicySnapshot>
        {
            Make.Policy("db-policy", Make.Labels("tier=db"), bandwidth: 500_000_000),
            Make.Policy("team-1", namespaceSelector: Make.Labels("team=t1"), allowPostCopy: true),
        };
        return Make.Cluster(nodeList, vmiList, policies: policies);
    }
}
