using DrainOrchestrator.Simulator.Cluster;
using Snap = DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Scheduling.Bench.Model;

/// <summary>
/// The simulator's objects as Core's snapshot types, with the engine's semantics (<c>Engine/Cluster/SnapshotMapper</c>):
/// a node's requested memory is the memory of the VMIs on it; an unfinished VMIM's target is its pinned hostname, else
/// the node its target pod went to; its source is where the VMI runs. An informed mapping passes the node's NIC bandwidth
/// and the guest's dirty rate, as the engine does when operators annotate them (<c>Engine/Cluster/HintAnnotations.cs</c>);
/// a blind one passes neither, as the engine does without the annotations.
/// </summary>
internal static class CoreMapper
{
    public const string HostnameLabel = "kubernetes.io/hostname";

    public static Snap.NodeSnapshot Node(NodeSnapshot node, long requestedBytes, bool informed) => new(
        node.Name, node.Labels, [.. node.Taints.Select(t => new Snap.Taint(t.Key, t.Value, Effect(t.Effect)))],
        node.Unschedulable, node.Ready, node.MemoryBytes, requestedBytes,
        informed ? node.NicBandwidthBytesPerSecond : null, node.KubeletVersion);

    public static Snap.VmiSnapshot Vmi(
        VmiSnapshot vmi, VirtualMachineSnapshot? vm, IReadOnlyDictionary<string, string>? namespaceLabels, bool informed) => new(
        vmi.Namespace,
        vmi.Name,
        vmi.Uid,
        vmi.NodeName ?? string.Empty,
        vmi.Labels,
        namespaceLabels ?? new Dictionary<string, string>(StringComparer.Ordinal),
        vmi.MemoryBytes,
        vmi.NodeSelector,
        [.. (vm?.RequiredNodeAffinity ?? []).Select(Term)],
        [.. (vm?.Tolerations ?? []).Select(Toleration)],
        vmi.LiveMigratable,
        vmi.NonMigratableReason,
        vmi.EvictionStrategy is { } e ? Eviction(e) : Snap.EvictionStrategy.Unset,
        vm is null ? Snap.RunStrategy.None : Run(vm.RunStrategy),
        informed && vm is not null ? (long)vm.DirtyRateBytesPerSecond : null)
        {
            WorkingSetBytes = informed && vm is not null ? (long)vm.WorkingSetBytes : null,
        };

    public static Snap.MigrationSnapshot? Migration(VmimSnapshot vmim, VmiSnapshot? vmi)
    {
        var source = vmim.SourceNode ?? vmi?.NodeName;
        if (source is null)
        {
            return null;
        }

        var target = vmim.AddedNodeSelector.TryGetValue(HostnameLabel, out var pinned) ? pinned : vmim.TargetNode;
        return new Snap.MigrationSnapshot(vmim.Namespace, vmim.Name, vmim.VmiName, source, target, Phase(vmim.Phase),
            vmi?.MemoryBytes ?? 0);
    }

    public static Snap.ClusterMigrationConfig Config(MigrationConfig config) => new(
        config.ParallelMigrationsPerCluster,
        config.ParallelOutboundMigrationsPerNode,
        config.ProgressTimeout,
        new Snap.MigrationSettings(config.BandwidthPerMigration, config.CompletionTimeoutPerGiB, config.AllowPostCopy,
            config.AllowAutoConverge, config.AllowWorkloadDisruption, config.MaxDowntime),
        Snap.EvictionStrategy.None);

    public static Snap.MigrationPolicySnapshot Policy(MigrationPolicy policy) => new(
        policy.Name, policy.NamespaceSelector, policy.VirtualMachineInstanceSelector, policy.BandwidthPerMigration,
        policy.CompletionTimeoutPerGiB, policy.AllowPostCopy, policy.AllowAutoConverge, policy.AllowWorkloadDisruption,
        policy.MaxDowntime);

    /// <summary>Core's policy design as the simulator's MigrationPolicy (what the engine would create).</summary>
    public static MigrationPolicy Policy(Snap.MigrationPolicySnapshot policy) => new()
    {
        Name = policy.Name,
        NamespaceSelector = policy.NamespaceSelector,
        VirtualMachineInstanceSelector = policy.VmiSelector,
        BandwidthPerMigration = policy.BandwidthPerMigrationBytesPerSecond,
        CompletionTimeoutPerGiB = policy.CompletionTimeoutPerGiB,
        AllowPostCopy = policy.AllowPostCopy,
        AllowAutoConverge = policy.AllowAutoConverge,
        AllowWorkloadDisruption = policy.AllowWorkloadDisruption,
        MaxDowntime = policy.MaxDowntime,
    };

    public static Snap.MigrationPhase Phase(MigrationPhase phase) =>
        Enum.TryParse<Snap.MigrationPhase>(phase.ToString(), out var p) ? p : Snap.MigrationPhase.Unknown;

    private static Snap.TaintEffect Effect(TaintEffect effect) => effect switch
    {
        TaintEffect.NoExecute => Snap.TaintEffect.NoExecute,
        TaintEffect.PreferNoSchedule => Snap.TaintEffect.PreferNoSchedule,
        _ => Snap.TaintEffect.NoSchedule,
    };

    private static Snap.EvictionStrategy Eviction(EvictionStrategy strategy) =>
        Enum.TryParse<Snap.EvictionStrategy>(strategy.ToString(), out var e) ? e : Snap.EvictionStrategy.Unset;

    private static Snap.RunStrategy Run(RunStrategy strategy) =>
        Enum.TryParse<Snap.RunStrategy>(strategy.ToString(), out var r) ? r : Snap.RunStrategy.None;

    private static Snap.NodeSelectorTerm Term(NodeSelectorTerm term) => new(
        [.. term.MatchExpressions.Select(e => new Snap.NodeSelectorRequirement(e.Key,
            Enum.TryParse<Snap.SelectorOperator>(e.Operator.ToString(), out var op) ? op : Snap.SelectorOperator.In, e.Values))]);

    private static Snap.Toleration Toleration(Toleration toleration) => new(
        toleration.Key ?? string.Empty,
        toleration.Value is null ? Snap.TolerationOperator.Exists : Snap.TolerationOperator.Equal,
        toleration.Value ?? string.Empty,
        toleration.Effect is { } e ? Effect(e) : null);
}
