using System.Globalization;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Scale.Bench.Clusters;

/// <summary>
/// A seeded synthetic cluster shaped like a large KubeVirt fleet: three zones, racks, a GPU pool, tainted database
/// nodes, NICs of 10 and 25 Gbit/s (a quarter unknown); about 20 VMIs per node of 2 to 32 GiB with a mix of zone
/// selectors, node affinity, tolerations, high dirty rates and a few VMs that cannot live-migrate; a few
/// MigrationPolicies. The same seed gives the same cluster.
/// </summary>
internal static class ClusterGenerator
{
    private const long GiB = 1L << 30;
    private const long TenGbit = 1_250_000_000;
    private static readonly long[] MemoryGiB = [2, 4, 4, 8, 8, 8, 16, 16, 32];

    public static ClusterSnapshot Generate(ScaleCase size, int seed)
    {
        ArgumentNullException.ThrowIfNull(size);
        var random = new Random(seed);
        var requested = new long[size.Nodes];
        var vmis = new List<VmiSnapshot>(size.Vmis);
        var namespaces = Enumerable.Range(0, 40)
            .Select(i => (Name: "tenant-" + i.ToString("D2", CultureInfo.InvariantCulture), Labels: Labels("team", "t" + (i % 8))))
            .ToArray();
        for (var i = 0; i < size.Vmis; i++)
        {
            var node = random.Next(size.Nodes);
            var vmi = Vmi(random, i, NodeName(node), namespaces[i % namespaces.Length]);
            requested[node] += vmi.MemoryBytes;
            vmis.Add(vmi);
        }

        var nodes = new List<NodeSnapshot>(size.Nodes);
        for (var i = 0; i < size.Nodes; i++)
        {
            nodes.Add(Node(random, i, requested[i]));
        }

        var policies = new List<MigrationPolicySnapshot>
        {
            new("databases", new Dictionary<string, string>(), Labels("tier", "db"), BandwidthPerMigrationBytesPerSecond: TenGbit / 2),
            new("team-3-post-copy", Labels("team", "t3"), new Dictionary<string, string>(), AllowPostCopy: true),
            new("batch-auto-converge", new Dictionary<string, string>(), Labels("tier", "batch"), AllowAutoConverge: true),
        };
        return new ClusterSnapshot(nodes, vmis, ClusterMigrationConfig.KubeVirtDefaults, policies, []);
    }

    /// <summary>The drained nodes: every tenth node (evenly spread), <see cref="ScaleCase.DrainedNodes"/> of them.</summary>
    public static IReadOnlyList<string> DrainedNodes(ScaleCase size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var step = size.Nodes / size.DrainedNodes;
        return [.. Enumerable.Range(0, size.DrainedNodes).Select(i => NodeName(i * step))];
    }

    public static string NodeName(int index) => "worker-" + index.ToString("D5", CultureInfo.InvariantCulture);

    private static NodeSnapshot Node(Random random, int index, long requested)
    {
        var name = NodeName(index);
        var labels = Labels("kubernetes.io/hostname", name);
        labels["topology.kubernetes.io/zone"] = "zone-" + (index % 3);
        labels["topology.kubernetes.io/rack"] = "rack-" + (index / 40);
        labels["node-role.kubernetes.io/worker"] = string.Empty;
        labels["gpu"] = index % 20 == 0 ? "true" : "false";
        IReadOnlyList<Taint> taints = index % 25 == 7 ? [new Taint("dedicated", "database", TaintEffect.NoSchedule)] : [];
        long? nic = random.Next(4) switch
        {
            0 => null,
            1 => TenGbit,
            _ => TenGbit * 5 / 2,
        };
        const long Allocatable = 768 * GiB;
        return new NodeSnapshot(name, labels, taints, false, true, Allocatable, Math.Min(Allocatable, requested + (16 * GiB)), nic,
            "v1.33.2");
    }

    private static VmiSnapshot Vmi(Random random, int index, string node, (string Name, Dictionary<string, string> Labels) ns)
    {
        var kind = random.Next(100);
        var tier = kind % 5 == 0 ? "db" : kind % 5 == 1 ? "batch" : "web";
        var labels = Labels("app", "app-" + (index % 300));
        labels["tier"] = tier;
        if (index % 97 == 0)
        {
            labels["drain-orchestrator.io/post-copy-forbidden"] = "true";
        }

        var selector = kind < 8 ? Labels("topology.kubernetes.io/zone", "zone-" + (index % 3)) : new Dictionary<string, string>();
        IReadOnlyList<NodeSelectorTerm> affinity = kind is >= 8 and < 12
            ? [new NodeSelectorTerm([new NodeSelectorRequirement("gpu", SelectorOperator.NotIn, ["true"])])]
            : [];
        IReadOnlyList<Toleration> tolerations = kind is >= 12 and < 15
            ? [new Toleration("dedicated", TolerationOperator.Equal, "database", TaintEffect.NoSchedule)]
            : [];
        var migratable = kind is < 15 or >= 17;
        long? dirty = kind >= 97 ? 300_000_000L + random.Next(200_000_000)
            : random.Next(10) < 3 ? null
            : random.Next(60_000_000);
        var uid = UidOf(random);
        return new VmiSnapshot(ns.Name, "vm-" + index.ToString("D6", CultureInfo.InvariantCulture), uid, node, labels, ns.Labels,
            MemoryGiB[random.Next(MemoryGiB.Length)] * GiB, selector, affinity, tolerations, migratable,
            migratable ? null : "DisksNotLiveMigratable", EvictionStrategy.LiveMigrate, RunStrategy.Always, dirty);
    }

    // A Kubernetes-style uid (a random UUID), drawn from the seeded generator so the cluster is reproducible.
    private static string UidOf(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static Dictionary<string, string> Labels(string key, string value) =>
        new(StringComparer.Ordinal) { [key] = value };
}
