using System.Diagnostics;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Scheduling.Bench.Model;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>
/// Drains one batch with the production planner and scheduler, as the engine's migrate step does: plan once, then on
/// every event (a VMIM changed phase or finished, the scheduler's wake-up time) rebuild the state, ask <see cref="DrainScheduler"/>,
/// and create each decided VMIM pinned to its target through <c>addedNodeSelector</c>. Journaling, leases and the
/// database are the engine's and are not modelled: they do not change what is decided.
/// </summary>
internal sealed class OrchestratorDriver(SimulatedCluster cluster, ClusterMirror mirror, DrainPolicy policy, DeterministicIds ids)
{
    public BatchOutcome Drain(string drainId, IReadOnlyList<string> nodes, IReadOnlySet<string> laterNodes, DateTimeOffset deadline)
    {
        foreach (var node in nodes)
        {
            cluster.SetNodeUnschedulable(node, true);
        }

        var started = cluster.Now;
        var clock = Stopwatch.StartNew();
        var plan = DrainPlanner.Plan(mirror.Snapshot(), nodes, policy);
        var decideTime = clock.Elapsed;
        var toMove = nodes.Sum(n => mirror.Vmis.Count(v => v.NodeName == n && v.LiveMigratable));
        var journal = new AttemptJournal();
        var postCopy = new PostCopyArranger(cluster, mirror, drainId, policy);
        var decisions = 0;
        var stuck = false;
        while (true)
        {
            Observe(journal, postCopy);
            var state = new SchedulerState(drainId, mirror.Snapshot(), plan, journal.Attempts, policy,
                LaterDrainNodes: laterNodes.Count > 0 ? laterNodes : null);
            clock.Restart();
            var decision = DrainScheduler.Decide(state, cluster.Now);
            decideTime += clock.Elapsed;
            decisions++;
            var refused = false;
            foreach (var action in decision.Actions.OfType<StartMigration>())
            {
                refused |= !Start(action, journal, postCopy);
            }

            if (decision.IsComplete && decision.Actions.Count == 0)
            {
                break;
            }

            if (refused)
            {
                continue;
            }

            var stop = VirtualTime.AdvanceUntil(cluster, () => mirror.MigrationsChanged, decision.WakeAt, deadline);
            if (stop is AdvanceStop.Idle or AdvanceStop.Deadline)
            {
                stuck = true;
                break;
            }
        }

        var left = nodes.Sum(n => mirror.Vmis.Count(v => v.NodeName == n && v.LiveMigratable));
        return new BatchOutcome(nodes, started, cluster.Now, toMove, left, stuck, decisions, decideTime.TotalSeconds);
    }

    private void Observe(AttemptJournal journal, PostCopyArranger postCopy)
    {
        foreach (var vmim in mirror.TakeFinished())
        {
            var gone = mirror.Vmi(vmim.Namespace, vmim.VmiName) is null;
            if (journal.Observe(vmim, gone) is { PostCopy: true } attempt)
            {
                postCopy.CleanUp(vmim.Namespace, vmim.VmiName, attempt.VmiUid);
            }
        }
    }

    // Creates the VMIM as the engine would; false when it was refused (the attempt then fails at once).
    private bool Start(StartMigration action, AttemptJournal journal, PostCopyArranger postCopy)
    {
        journal.Started(action, cluster.Now);
        if (action.PostCopy && postCopy.Prepare(action) is { } refusal)
        {
            journal.NotCreated(action.Name, refusal, cluster.Now, null);
            return false;
        }

        var request = new VmimCreateRequest(action.Vmi.Namespace, action.Name, ids.NewUid(), action.Vmi.Name,
            new Dictionary<string, string>(StringComparer.Ordinal) { [StartMigration.HostnameLabel] = action.TargetNode });
        var result = cluster.CreateMigration(request);
        if (result.Status == VmimCreateStatus.Rejected)
        {
            journal.NotCreated(action.Name, result.Message ?? "rejected", cluster.Now, 422);
            return false;
        }

        return true;
    }
}
