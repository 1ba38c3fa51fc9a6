using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Fixtures;

/// <summary>Terse builders for snapshot records.</summary>
internal static class Make
{
    public const long GiB = 1L << 30;

    private static readonly Dictionary<string, string> NoLabels = [];

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    public static NodeSnapshot Node(
        string name, long memoryGiB = 64, long requestedGiB = 0, bool ready = true, bool unschedulable = false,
        Dictionary<string, string>? labels = null, IReadOnlyList<Taint>? taints = null, long? nic = null) =>
        new(name, labels ?? Labels("kubernetes.io/hostname=" + name), taints ?? [], unschedulable, ready,
            memoryGiB * GiB, requestedGiB * GiB, nic, "v1.33.0");

    public static VmiSnapshot Vmi(
        string name, string node, long memoryGiB = 4, Dictionary<string, string>? labels = null,
        Dictionary<string, string>? namespaceLabels = null, long? dirtyRate = null, bool? liveMigratable = true,
        string? reason = null, EvictionStrategy eviction = EvictionStrategy.LiveMigrate,
        RunStrategy runStrategy = RunStrategy.Always, Dictionary<string, string>? nodeSelector = null,
        IReadOnlyList<NodeSelectorTerm>? affinity = null, IReadOnlyList<Toleration>? tolerations = null,
        string ns = "default") =>
        new(ns, name, "uid-" + name, node, labels ?? NoLabels, namespaceLabels ?? NoLabels, memoryGiB * GiB,
            nodeSelector ?? NoLabels, affinity ?? [], tolerations ?? [], liveMigratable, reason, eviction, runStrategy,
            dirtyRate);

    public static ClusterSnapshot Cluster(
        IReadOnlyList<NodeSnapshot> nodes, IReadOnlyList<VmiSnapshot> vmis,
        ClusterMigrationConfig? config = null, IReadOnlyList<MigrationPolicySnapshot>? policies = null,
        IReadOnlyList<MigrationSnapshot>? migrations = null) =>
        new(nodes, vmis, config ?? ClusterMigrationConfig.KubeVirtDefaults, policies ?? [], migrations ?? []);

    public static MigrationPolicySnapshot Policy(
        string name, Dictionary<string, string>? vmiSelector = null, Dictionary<string, string>? namespaceSelector = null,
        bool? allowPostCopy = null, long? bandwidth = null) =>
        new(name, namespaceSelector ?? NoLabels, vmiSelector ?? NoLabels, bandwidth, AllowPostCopy: allowPostCopy);
}
