namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    private static readonly TimeSpan EvacuationBackoff = TimeSpan.FromSeconds(20);

    private readonly Dictionary<VmState, (int Failures, DateTimeOffset NotBefore)> _evacuationFailures = [];
    private bool _evacuationNeeded;

    /// <summary>
    /// KubeVirt's evacuation controller (when the scenario runs it): for each node tainted
    /// <c>kubevirt.io/drain:NoSchedule</c>, it creates system-critical VMIMs, annotated with the node, for the running
    /// VMIs there that evict by live migration and have no unfinished migration, never more than the free places
    /// under the limits allow, counting every unfinished VMIM (Pending included, as KubeVirt counts them). A VMI
    /// whose evacuation failed waits 20 s, doubling per failure, before the next attempt.
    /// </summary>
    private void Evacuate()
    {
        if (!State.EvacuationController)
        {
            return;
        }

        var config = State.Config;
        var freeInCluster = config.ParallelMigrationsPerCluster - (_inFlight + _pending.Count);
        foreach (var node in State.NodeList)
        {
            if (freeInCluster <= 0)
            {
                return;
            }

            if (node.Deleted || !node.Taints.Any(t => t.Key == KubeVirtMigrationAnnotations.DrainTaint && t.Effect == TaintEffect.NoSchedule))
            {
                continue;
            }

            var guests = State.VmList.Where(vm => ReferenceEquals(vm.Pod?.Node, node) && vm.HasRunningVmi).ToList();
            var free = Math.Min(freeInCluster, config.ParallelOutboundMigrationsPerNode - guests.Count(vm => vm.ActiveMigration is not null));
            foreach (var vm in guests.Where(EvacuatesByMigration).Take(Math.Max(0, free)))
            {
                CreateEvacuation(vm, node);
                freeInCluster--;
            }
        }
    }

    private bool EvacuatesByMigration(VmState vm) =>
        vm.ActiveMigration is null
        && vm.NonMigratableReason is null
        && vm.EvictionStrategy is EvictionStrategy.LiveMigrate or EvictionStrategy.LiveMigrateIfPossible
        && (!_evacuationFailures.TryGetValue(vm, out var failed) || failed.NotBefore <= Now);

    private void CreateEvacuation(VmState vm, NodeState node)
    {
        var request = new VmimCreateRequest(vm.Namespace, KubeVirtMigrationAnnotations.EvacuationNamePrefix + _ctx.Ids.NameSuffix(),
            _ctx.Ids.NewUid(), vm.Name, Priority: MigrationPriority.SystemCritical,
            Annotations: new Dictionary<string, string>(StringComparer.Ordinal) { [KubeVirtMigrationAnnotations.Evacuation] = node.Name });
        Create(request, createdByModel: true);
    }

    /// <summary>An evacuation VMIM ended: success clears the VMI's backoff, a failure lengthens it and schedules a retry.</summary>
    private void EvacuationFinished(MigrationJob job)
    {
        if (!job.Annotations.ContainsKey(KubeVirtMigrationAnnotations.Evacuation))
        {
            return;
        }

        if (job.Phase == MigrationPhase.Succeeded)
        {
            _evacuationFailures.Remove(job.Vm);
            return;
        }

        var failures = _evacuationFailures.TryGetValue(job.Vm, out var previous) ? previous.Failures + 1 : 1;
        var wait = EvacuationBackoff * Math.Pow(2, Math.Min(failures - 1, 10));
        _evacuationFailures[job.Vm] = (failures, Now + wait);
        _ctx.Schedule(wait, () => _evacuationNeeded = true);
    }
}
