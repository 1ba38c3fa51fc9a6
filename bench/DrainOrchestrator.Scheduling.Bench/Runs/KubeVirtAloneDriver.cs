using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Scheduling.Bench.Model;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>
/// The baseline: what KubeVirt does on its own when the nodes are drained (cordon, then one VMIM per VMI, all created at
/// once, none pinned). KubeVirt admits them within its limits in its own order and the scheduler-like placement picks
/// each target. A failed migration is created again after KubeVirt's evacuation backoff (20 s, doubling), up to the same
/// number of attempts the orchestrator's policy allows, so both sides give up at the same point.
/// </summary>
internal sealed class KubeVirtAloneDriver(SimulatedCluster cluster, ClusterMirror mirror, FailurePolicy retries, DeterministicIds ids)
{
    public BatchOutcome Drain(string batchName, IReadOnlyList<string> nodes, DateTimeOffset deadline)
    {
        foreach (var node in nodes)
        {
            cluster.SetNodeUnschedulable(node, true);
        }

        var started = cluster.Now;
        var drained = nodes.ToHashSet(StringComparer.Ordinal);
        var vmis = mirror.Vmis.Where(v => v.NodeName is { } n && drained.Contains(n) && v.Phase == VmiPhase.Running).ToList();
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        var retryAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var ours = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vmi in vmis)
        {
            Create(batchName, vmi.Namespace, vmi.Name, attempts, ours);
        }

        var stuck = false;
        while (true)
        {
            foreach (var vmim in mirror.TakeFinished().Where(m => ours.Remove(m.Namespace + "/" + m.Name)))
            {
                var key = vmim.Namespace + "/" + vmim.VmiName;
                var vmi = mirror.Vmi(vmim.Namespace, vmim.VmiName);
                var stillThere = vmi?.NodeName is { } n && drained.Contains(n);
                if (vmim.Phase == MigrationPhase.Failed && stillThere && attempts[key] < retries.MaxAttempts)
                {
                    var at = vmim.PhaseTransitions[^1].At;
                    retryAt[key] = at + retries.BackoffAfter(attempts[key]);
                }
            }

            foreach (var (key, at) in retryAt.Where(r => r.Value <= cluster.Now).ToList())
            {
                retryAt.Remove(key);
                var slash = key.IndexOf('/', StringComparison.Ordinal);
                Create(batchName, key[..slash], key[(slash + 1)..], attempts, ours);
            }

            if (ours.Count == 0 && retryAt.Count == 0)
            {
                break;
            }

            DateTimeOffset? wake = retryAt.Count > 0 ? retryAt.Values.Min() : null;
            var stop = VirtualTime.AdvanceUntil(cluster, () => mirror.HasFinished, wake, deadline);
            if (stop is AdvanceStop.Idle or AdvanceStop.Deadline)
            {
                stuck = true;
                break;
            }
        }

        var left = nodes.Sum(n => mirror.Vmis.Count(v => v.NodeName == n && v.LiveMigratable));
        return new BatchOutcome(nodes, started, cluster.Now, vmis.Count(v => v.LiveMigratable), left, stuck, 0, 0);
    }

    private void Create(string batchName, string @namespace, string vmiName, Dictionary<string, int> attempts, HashSet<string> ours)
    {
        var key = @namespace + "/" + vmiName;
        var attempt = attempts[key] = attempts.GetValueOrDefault(key) + 1;
        var name = $"evacuation-{batchName}-{vmiName}-{attempt}";
        var result = cluster.CreateMigration(new VmimCreateRequest(@namespace, name, ids.NewUid(), vmiName));
        if (result.Accepted)
        {
            ours.Add(@namespace + "/" + name);
        }
    }
}
