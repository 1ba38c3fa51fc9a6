using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// Maps the wire objects to Core's <see cref="ClusterSnapshot"/>. Approximations (documented): a node's requested
/// memory is the memory of the VMIs on it (other pods are not watched); NIC bandwidths and dirty rates come from the
/// operator's <see cref="HintAnnotations"/> and are unknown without them (an unusable one is unknown too, and listed in
/// <see cref="ClusterSnapshot.InvalidHints"/>). A VMI's run strategy is its owning VirtualMachine's; a VMI whose VM is
/// not seen counts as <see cref="RunStrategy.None"/>.
/// </summary>
public static partial class SnapshotMapper
{
    /// <summary>The snapshot of <paramref name="state"/>.</summary>
    public static ClusterSnapshot Map(ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var namespaceLabels = state.Namespaces.ToDictionary(n => n.Metadata.Name ?? "", n => (IReadOnlyDictionary<string, string>)Labels(n.Metadata), StringComparer.Ordinal);
        var vms = VmsByKey(state.VirtualMachines);
        var invalid = new List<InvalidHint>();
        var vmis = state.Vmis.Where(IsMapped)
            .Select(v => MapVmi(v, namespaceLabels.GetValueOrDefault(v.Metadata.Namespace ?? ""),
                OwnerVmName(v) is { } owner ? vms.GetValueOrDefault(v.Metadata.Namespace + "/" + owner) : null, invalid))
            .Where(v => v.NodeName.Length > 0).ToList();
        var requested = vmis.GroupBy(v => v.NodeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(v => v.MemoryBytes), StringComparer.Ordinal);
        var dedicated = HasMigrationNetwork(state.KubeVirt);
        var nodes = state.Nodes.Select(n => MapNode(n, requested.GetValueOrDefault(n.Metadata.Name ?? ""), dedicated, invalid)).ToList();
        var vmiByKey = state.Vmis.ToDictionary(v => v.Metadata.Namespace + "/" + v.Metadata.Name, StringComparer.Ordinal);
        var migrations = state.Migrations.Select(m => MapMigration(m, vmiByKey.GetValueOrDefault(m.Metadata.Namespace + "/" + m.Spec.VmiName)))
            .Where(m => m is { IsFinished: false }).Select(m => m!).ToList();
        return new ClusterSnapshot(nodes, vmis, MapConfig(state.KubeVirt), state.Policies.Select(MapPolicy).ToList(), migrations)
        {
            InvalidHints = invalid,
            Budgets = DisruptionBudgetReader.Read(state.DisruptionBudgets, vmis),
        };
    }

    /// <summary>The KubeVirt CR's migration configuration, with KubeVirt's defaults for what it leaves unset.</summary>
    public static ClusterMigrationConfig MapConfig(KubeVirt? kubeVirt)
    {
        var defaults = ClusterMigrationConfig.KubeVirtDefaults;
        var m = kubeVirt?.Spec.Configuration?.Migrations;
        var d = defaults.Settings;
        var settings = m is null ? d : new MigrationSettings(
            m.BandwidthPerMigration?.ToInt64() ?? d.BandwidthPerMigrationBytesPerSecond,
            m.CompletionTimeoutPerGiB is { } c ? TimeSpan.FromSeconds(c) : d.CompletionTimeoutPerGiB,
            m.AllowPostCopy ?? d.AllowPostCopy,
            m.AllowAutoConverge ?? d.AllowAutoConverge,
            m.AllowWorkloadDisruption ?? d.AllowWorkloadDisruption,
            m.MaxDowntimeMs is { } ms ? TimeSpan.FromMilliseconds(ms) : d.MaxDowntime);
        return new ClusterMigrationConfig(
            m?.ParallelMigrationsPerCluster ?? defaults.ParallelMigrationsPerCluster,
            m?.ParallelOutboundMigrationsPerNode ?? defaults.ParallelOutboundMigrationsPerNode,
            m?.ProgressTimeout is { } p ? TimeSpan.FromSeconds(p) : defaults.ProgressTimeout,
            settings,
            ParseEviction(kubeVirt?.Spec.Configuration?.EvictionStrategy) is var e and not EvictionStrategy.Unset ? e : defaults.DefaultEvictionStrategy);
    }

    /// <summary>Whether the KubeVirt CR names a dedicated migration network.</summary>
    public static bool HasMigrationNetwork(KubeVirt? kubeVirt) =>
        !string.IsNullOrEmpty(kubeVirt?.Spec.Configuration?.Migrations?.Network);

    internal static NodeSnapshot MapNode(Node node, long requested, bool dedicatedNetwork, List<InvalidHint> invalid)
    {
        var ready = node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") ?? false;
        var allocatable = node.Status?.Allocatable is { } a && a.TryGetValue("memory", out var mem) ? mem.ToInt64() : 0;
        var taints = (node.Spec?.Taints ?? []).Select(t => new Core.Snapshot.Taint(t.Key ?? "", t.Value ?? "", ParseEffect(t.Effect))).ToList();
        return new NodeSnapshot(node.Metadata.Name ?? "", Labels(node.Metadata), taints, node.Spec?.Unschedulable ?? false, ready,
            allocatable, requested, NicBandwidthOf(node, dedicatedNetwork, invalid), node.Status?.NodeInfo?.KubeletVersion ?? "");
    }

    internal static MigrationPolicySnapshot MapPolicy(MigrationPolicy policy)
    {
        var s = policy.Spec;
        return new MigrationPolicySnapshot(policy.Metadata.Name ?? "",
            s.Selectors?.NamespaceSelector ?? new Dictionary<string, string>(StringComparer.Ordinal),
            s.Selectors?.VirtualMachineInstanceSelector ?? new Dictionary<string, string>(StringComparer.Ordinal),
            s.BandwidthPerMigration?.ToInt64(),
            s.CompletionTimeoutPerGiB is { } c ? TimeSpan.FromSeconds(c) : null,
            s.AllowPostCopy, s.AllowAutoConverge, s.AllowWorkloadDisruption,
            s.MaxDowntimeMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
    }

    internal static MigrationSnapshot? MapMigration(VirtualMachineInstanceMigration m, VirtualMachineInstance? vmi)
    {
        var phase = ParsePhase(m.Status?.Phase);
        var vmiName = m.Spec.VmiName ?? "";
        var state = vmi?.Status?.MigrationState;
        var ours = state is not null && state.MigrationUid == m.Metadata.Uid;
        var source = ours ? state!.SourceNode : null;
        source ??= vmi?.Status?.NodeName;
        if (source is null)
        {
            return null;
        }

        var target = m.Spec.AddedNodeSelector is { } selector && selector.TryGetValue("kubernetes.io/hostname", out var pinned)
            ? pinned
            : ours ? state!.TargetNode : null;
        return new MigrationSnapshot(m.Metadata.Namespace ?? "", m.Metadata.Name ?? "", vmiName, source, target, phase,
            vmi is null ? 0 : MemoryOf(vmi))
        {
            VmiLabels = vmi?.Metadata.Labels,
            VmiBudget = vmi is null ? null : BudgetAnnotationReader.Read(vmi.Metadata.Annotations),
        };
    }

    private static Dictionary<string, string> Labels(ObjectMeta meta) =>
        meta.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
