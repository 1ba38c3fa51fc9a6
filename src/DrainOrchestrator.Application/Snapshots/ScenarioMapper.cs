using System.Globalization;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>
/// The cluster as the engine reads it (<see cref="SnapshotMapper"/>: the same memory, hints, placement rules and strategies),
/// cut to what a drain-sim scenario can hold; whatever it cannot hold becomes a warning.
/// </summary>
internal static class ScenarioMapper
{
    public static SnapshotScenario Map(ClusterState state, IReadOnlyCollection<string> onlyNodes, List<string> warnings,
        IReadOnlyDictionary<(string Namespace, string Name), long>? metricDirtyRates = null)
    {
        var snapshot = Engine.Learning.MetricDirtyRates.Apply(SnapshotMapper.Map(state), metricDirtyRates ?? new Dictionary<(string, string), long>());
        var defaults = new CostModelOptions();
        // Rates from the metrics are published as hints in the copy, so that a rehearsal on it plans with them.
        var hints = snapshot.Nodes.Any(n => n.NicBandwidthBytesPerSecond is not null) || snapshot.Vmis.Any(v => v.DirtyRateBytesPerSecond is not null)
            || snapshot.MetricDirtyRates.Count > 0;
        warnings.AddRange(snapshot.InvalidHints.Select(h => h.Problem + " (written as the engine's default)"));
        var keep = onlyNodes.Count == 0 ? null : onlyNodes.ToHashSet(StringComparer.Ordinal);
        var nodes = new List<SnapshotNode>();
        foreach (var n in snapshot.Nodes.Where(n => keep is null || keep.Contains(n.Name)).OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            if (n.AllocatableMemoryBytes <= 0)
            {
                warnings.Add($"node {n.Name}: no allocatable memory; left out with its VMs (drain-sim needs a positive memory)");
                continue;
            }

            nodes.Add(new SnapshotNode(n.Name, n.Labels, [.. n.Taints.Select(t => new SnapshotTaint(t.Key, t.Value, t.Effect.ToString()))],
                n.AllocatableMemoryBytes, n.NicBandwidthBytesPerSecond ?? defaults.AssumedNicBandwidthBytesPerSecond,
                n.KubeletVersion.Length > 0 ? n.KubeletVersion : "v0.0.0", n.Ready, n.Unschedulable));
        }

        if (keep is not null && state.Nodes.Count > nodes.Count)
        {
            warnings.Add($"--nodes: {state.Nodes.Count - nodes.Count} other node(s) and their VMs left out; a rehearsal has only the nodes written as targets");
        }

        var written = nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var vms = MapVms(state, snapshot, written, hints, defaults, warnings);
        MissingHints(nodes, snapshot, vms, hints, warnings);
        VmWarnings.Add(state, vms, warnings);
        if (state.Nodes.Any(n => n.Status?.Allocatable?.ContainsKey("cpu") == true))
        {
            warnings.Add("CPU (nodes' allocatable cpu, VMs' cpu requests) is not part of a drain-sim scenario: drain-sim and the planner place by memory");
        }

        var inVms = vms.Select(v => v.Namespace).ToHashSet(StringComparer.Ordinal);
        var namespaces = state.Namespaces.Where(n => inVms.Contains(n.Metadata.Name ?? ""))
            .Select(n => new SnapshotNamespace(n.Metadata.Name!, n.Metadata.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal)))
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        return new SnapshotScenario(hints, Migrations(snapshot.Config), namespaces, nodes, vms, [.. snapshot.Policies.Select(Policy)]);
    }

    private static List<SnapshotVm> MapVms(ClusterState state, ClusterSnapshot snapshot, HashSet<string> nodes, bool hints, CostModelOptions defaults,
        List<string> warnings)
    {
        var vms = new List<SnapshotVm>();
        var clusterEviction = snapshot.Config.DefaultEvictionStrategy;
        if (clusterEviction is not (EvictionStrategy.None or EvictionStrategy.Unset))
        {
            warnings.Add($"the KubeVirt CR's default evictionStrategy {clusterEviction} is written on each VM that sets none (a scenario has no cluster-wide default)");
        }

        foreach (var v in snapshot.Vmis.Where(v => nodes.Contains(v.NodeName)).OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal))
        {
            var raw = state.FindVmi(v.Namespace, v.Name);
            var owner = raw?.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == "VirtualMachine")?.Name;
            var vm = owner is null ? null : state.FindVirtualMachine(v.Namespace, owner);
            var eviction = v.EvictionStrategy == EvictionStrategy.Unset ? clusterEviction : v.EvictionStrategy;
            var run = v.RunStrategy;
            if (run is RunStrategy.None)
            {
                warnings.Add($"vmi {v.Namespace}/{v.Name}: no VirtualMachine owns it; written as a VM with runStrategy Manual (it is not started again either)");
                run = RunStrategy.Manual;
            }

            vms.Add(new SnapshotVm(v.Namespace, v.Name, vm?.Metadata.Uid, v.Uid, v.Labels, v.MemoryBytes,
                LearnedInputs.DirtyRate(v, snapshot, MigrationHistory.Empty, defaults).Rate,
                eviction is EvictionStrategy.Unset ? null : eviction.ToString(), run.ToString(),
                v.LiveMigratable == false ? v.LiveMigratableReason ?? "DisksNotLiveMigratable" : null,
                v.NodeSelector,
                [.. v.RequiredAffinityTerms.Select(t => (IReadOnlyList<SnapshotExpression>)[.. t.MatchExpressions.Select(r => new SnapshotExpression(r.Key, r.Operator.ToString(), r.Values))])],
                [.. v.Tolerations.Select(t => new SnapshotToleration(t.Key.Length == 0 ? null : t.Key, t.Operator.ToString(),
                    t.Operator == TolerationOperator.Exists ? null : t.Value, t.Effect?.ToString()))],
                v.NodeName));
        }

        var dropped = snapshot.Vmis.Count(v => !nodes.Contains(v.NodeName));
        if (dropped > 0 && state.Nodes.Count == nodes.Count)
        {
            warnings.Add($"{dropped} VMI(s) on nodes that are not written: left out");
        }

        return vms;
    }

    private static void MissingHints(List<SnapshotNode> nodes, ClusterSnapshot snapshot, List<SnapshotVm> vms, bool hints, List<string> warnings)
    {
        if (!hints)
        {
            return;
        }

        var bare = snapshot.Nodes.Count(n => n.NicBandwidthBytesPerSecond is null && nodes.Any(w => w.Name == n.Name));
        var written = vms.Select(w => w.VmiUid).ToHashSet(StringComparer.Ordinal);
        var measured = snapshot.Vmis.Count(v => v.DirtyRateBytesPerSecond is null && snapshot.MetricDirtyRates.ContainsKey(v.Uid) && written.Contains(v.Uid));
        if (measured > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"hints: {measured} VM(s) without a dirty-rate annotation carry the metrics' dirty rate as an annotation in the copy"));
        }

        var bareVms = snapshot.Vmis.Count(v => v.DirtyRateBytesPerSecond is null && !snapshot.MetricDirtyRates.ContainsKey(v.Uid) && written.Contains(v.Uid));
        if (bare + bareVms > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"hints: {bare} node(s) without a migration-bandwidth and {bareVms} VM(s) without a dirty-rate annotation carry the engine's defaults as annotations in the copy (a scenario publishes hints on all or none)"));
        }
    }

    private static SnapshotMigrations Migrations(ClusterMigrationConfig c) => new(
        c.ParallelMigrationsPerCluster, c.ParallelOutboundMigrationsPerNode, c.Settings.BandwidthPerMigrationBytesPerSecond,
        (long)c.Settings.CompletionTimeoutPerGiB.TotalSeconds, (long)c.ProgressTimeout.TotalSeconds, c.Settings.AllowPostCopy,
        c.Settings.AllowAutoConverge, c.Settings.AllowWorkloadDisruption, (long)c.Settings.MaxDowntime.TotalMilliseconds);

    private static SnapshotPolicy Policy(MigrationPolicySnapshot p) => new(
        p.Name, p.NamespaceSelector, p.VmiSelector, p.BandwidthPerMigrationBytesPerSecond, (long?)p.CompletionTimeoutPerGiB?.TotalSeconds,
        p.AllowPostCopy, p.AllowAutoConverge, p.AllowWorkloadDisruption, (long?)p.MaxDowntime?.TotalMilliseconds);
}
