
namespace DrainOrchestrator.Simulator.Cluster.Tests;

/// <summary>Small scenarios built in code, and shortcuts to drive them.</summary>
internal static class TestClusters
{
    public const long GiB = 1024L * 1024 * 1024;
    public const long MiB = 1024L * 1024;
    public const string Ns = "default";

    /// <summary>10 Gbit/s in bytes per second.</summary>
    public const long TenGbit = 10_000_000_000 / 8;

    public static NodeDefinition Node(string name, long memoryGiB = 256, long nic = TenGbit, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Name = name,
        MemoryBytes = memoryGiB * GiB,
        NicBandwidthBytesPerSecond = nic,
        Labels = labels ?? new Dictionary<string, string>(),
    };

    public static VmDefinition Vm(string name, string node, long memoryGiB = 4, double dirtyMiB = 10, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Namespace = Ns,
        Name = name,
        Node = node,
        MemoryBytes = memoryGiB * GiB,
        DirtyRateBytesPerSecond = dirtyMiB * MiB,
        Labels = labels ?? new Dictionary<string, string>(),
        EvictionStrategy = EvictionStrategy.LiveMigrate,
    };

    public static ClusterScenario Scenario(IEnumerable<NodeDefinition> nodes, IEnumerable<VmDefinition> vms, MigrationConfig? config = null) => new()
    {
        Name = "test",
        Nodes = [.. nodes],
        Vms = [.. vms],
        MigrationConfig = config ?? MigrationConfig.Default,
    };

    /// <summary>Two nodes each holding <paramref name="vmsPerNode"/> VMs, plus two empty targets.</summary>
    public static ClusterScenario TwoLoadedNodes(int vmsPerNode) => Scenario(
        [Node("node-a"), Node("node-b"), Node("node-c"), Node("node-d")],
        Enumerable.Range(1, vmsPerNode).SelectMany(i => new[] { Vm($"a-{i}", "node-a"), Vm($"b-{i}", "node-b") }));

    public static VmimCreateResult Migrate(this SimulatedCluster cluster, string vmi, string? name = null, IReadOnlyDictionary<string, string>? addedNodeSelector = null)
    {
        var vmimName = name ?? $"mig-{vmi}";
        return cluster.CreateMigration(new VmimCreateRequest(Ns, vmimName, $"uid-{vmimName}", vmi, addedNodeSelector));
    }

    /// <summary>Runs virtual time until nothing is left to happen (at most a simulated day).</summary>
    public static void RunToEnd(this SimulatedCluster cluster) => cluster.RunUntilIdle(cluster.Now.AddDays(1));

    public static MigrationTruth Truth(this SimulatedCluster cluster, string vmimName) =>
        cluster.GetGroundTruth().Migrations.Single(m => m.Name == vmimName);
}
