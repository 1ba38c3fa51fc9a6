using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>Reads what the lower bound needs from the simulated cluster's initial state (the scenario as loaded).</summary>
internal static class BoundInputs
{
    /// <summary>The fixed part of every migration: target pod start-up, hand-off, target preparation, transfer start.</summary>
    public static double StartupSeconds(MigrationTimings timings) =>
        (timings.TargetPodStartup + timings.HandOff + timings.TargetPreparation + timings.TransferStart).TotalSeconds;

    /// <summary>The live-migratable VMIs on <paramref name="batch"/>, each alone at the best rate it can get.</summary>
    public static List<BoundVm> Vms(SimulatedCluster cluster, IReadOnlyCollection<string> batch)
    {
        var nodes = cluster.GetNodes().ToDictionary(n => n.Name, StringComparer.Ordinal);
        var bestTarget = nodes.Values.Where(n => !batch.Contains(n.Name) && n.Ready && !n.Unschedulable)
            .Select(n => (double)n.NicBandwidthBytesPerSecond).DefaultIfEmpty(0).Max();
        var vms = cluster.GetVirtualMachines().ToDictionary(v => v.Namespace + "/" + v.Name, StringComparer.Ordinal);
        var namespaces = cluster.GetNamespaces().ToDictionary(n => n.Name, n => n.Labels, StringComparer.Ordinal);
        var policies = cluster.GetMigrationPolicies();
        var result = new List<BoundVm>();
        foreach (var vmi in cluster.GetVmis())
        {
            if (vmi.NodeName is not { } node || !batch.Contains(node) || !vmi.LiveMigratable || vmi.Phase != VmiPhase.Running)
            {
                continue;
            }

            var vm = vms[vmi.Namespace + "/" + vmi.Name];
            var policy = MigrationPolicyResolver.SelectPolicy(policies, vmi.Labels,
                namespaces.GetValueOrDefault(vmi.Namespace) ?? new Dictionary<string, string>());
            var config = MigrationPolicyResolver.Resolve(cluster.MigrationConfig, policy);
            var nic = (double)nodes[node].NicBandwidthBytesPerSecond;
            var rate = Math.Min(nic, bestTarget);
            if (config.BandwidthPerMigration > 0)
            {
                rate = Math.Min(rate, config.BandwidthPerMigration);
            }

            var dirty = config.AllowAutoConverge ? 0 : vm.DirtyRateBytesPerSecond;
            var alone = UncontendedMigration.Of(vmi.MemoryBytes, dirty, vm.WorkingSetBytes, rate, config.MaxDowntime.TotalSeconds);
            if (!alone.Converges)
            {
                // Moved at all, it is moved in post-copy (or paused): its shortest such completion (UncontendedMigration).
                alone = UncontendedMigration.PostCopyMinimum(vmi.MemoryBytes, dirty, vm.WorkingSetBytes, rate, config.MaxDowntime.TotalSeconds,
                    UncontendedMigration.EarliestSwitchSeconds(vmi.MemoryBytes, config.CompletionTimeoutPerGiB));
            }

            result.Add(new BoundVm(vmi.Namespace + "/" + vmi.Name, node, nic, alone));
        }

        return result;
    }
}
