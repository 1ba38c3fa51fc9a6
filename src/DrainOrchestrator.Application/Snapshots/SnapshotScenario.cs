namespace DrainOrchestrator.Application.Snapshots;

/// <summary>A cluster as a drain-sim scenario sees it: the fields its format has, and nothing else.</summary>
internal sealed record SnapshotScenario(
    bool Hints,
    SnapshotMigrations Migrations,
    IReadOnlyList<SnapshotNamespace> Namespaces,
    IReadOnlyList<SnapshotNode> Nodes,
    IReadOnlyList<SnapshotVm> Vms,
    IReadOnlyList<SnapshotPolicy> Policies);

/// <summary>The KubeVirt CR's migration settings, effective values.</summary>
internal sealed record SnapshotMigrations(
    int ParallelMigrationsPerCluster, int ParallelOutboundMigrationsPerNode, long BandwidthPerMigration, long CompletionTimeoutPerGiBSeconds,
    long ProgressTimeoutSeconds, bool AllowPostCopy, bool AllowAutoConverge, bool? AllowWorkloadDisruption, long MaxDowntimeMs);

/// <summary>A namespace that holds VMs, with the labels MigrationPolicies select on.</summary>
internal sealed record SnapshotNamespace(string Name, IReadOnlyDictionary<string, string> Labels);

/// <summary>A taint or a toleration's parts.</summary>
internal sealed record SnapshotTaint(string Key, string Value, string Effect);

/// <summary>A toleration.</summary>
internal sealed record SnapshotToleration(string? Key, string Operator, string? Value, string? Effect);

/// <summary>One match expression of a required node affinity term.</summary>
internal sealed record SnapshotExpression(string Key, string Operator, IReadOnlyList<string> Values);

/// <summary>A node.</summary>
internal sealed record SnapshotNode(
    string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<SnapshotTaint> Taints, long MemoryBytes, long NicBandwidth,
    string KubeletVersion, bool Ready, bool Unschedulable);

/// <summary>A VM and its running VMI.</summary>
internal sealed record SnapshotVm(
    string Namespace, string Name, string? Uid, string VmiUid, IReadOnlyDictionary<string, string> Labels, long MemoryBytes, long DirtyRate,
    string? EvictionStrategy, string RunStrategy, string? NonMigratableReason, IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<IReadOnlyList<SnapshotExpression>> RequiredAffinity, IReadOnlyList<SnapshotToleration> Tolerations, string Node);

/// <summary>A MigrationPolicy.</summary>
internal sealed record SnapshotPolicy(
    string Name, IReadOnlyDictionary<string, string> NamespaceSelector, IReadOnlyDictionary<string, string> VmiSelector,
    long? BandwidthPerMigration, long? CompletionTimeoutPerGiBSeconds, bool? AllowPostCopy, bool? AllowAutoConverge,
    bool? AllowWorkloadDisruption, long? MaxDowntimeMs);
