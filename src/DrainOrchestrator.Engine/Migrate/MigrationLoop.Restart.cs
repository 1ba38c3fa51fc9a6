using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Restarts elsewhere (the shutdown policy) within the migrate step: start them, follow them, wait for them.</summary>
internal sealed partial class MigrationLoop
{
    private RestartStarter? _restartStarter;

    private RestartStarter Restarts => _restartStarter ??= new RestartStarter(context);

    private async Task StartRestartsAsync(SchedulerDecision decision, ClusterState cluster, CancellationToken cancellationToken)
    {
        foreach (var action in decision.Actions.OfType<RestartElsewhere>())
        {
            // Another drain's restart or migration of a member may hold the unavailability budget this one needs: the
            // restart waits for a later pass then.
            if (await Restarts.StartAsync(action, cluster, t => _budget.TryAllowRestartAsync(t, action, cancellationToken), cancellationToken))
            {
                // Its intent and stop are written by the starter: the records are read again.
                _memory.Invalidate();
            }
        }
    }

    // Returns whether the record changed.
    private async Task<bool> ReconcileRestartAsync(AttemptRecord record, ClusterState cluster, CancellationToken cancellationToken)
    {
        if (record.Outcome == AttemptOutcome.Intended)
        {
            // The stop was never recorded: the engine died (or lost its database) between the intent and the delete's
            // answer. Stopping again is harmless: only the recorded uid is deleted, never the VM's new VMI.
            await Restarts.StopAsync(record.VmimName, record.VmiNamespace, record.VmiName, record.VmiUid, cluster, cancellationToken);
            return true;
        }

        var observation = RestartReconciler.Observe(record, cluster, context.Nodes, context.Time.GetUtcNow(), context.Options.RestartTimeout);
        if (observation is null)
        {
            return false;
        }

        var observed = AttemptObserved.Of(observation.Outcome, record.VmimName) with
        {
            AttemptKind = Persistence.Attempts.AttemptKind.Restart,
            Vmi = record.VmiNamespace + "/" + record.VmiName,
            Target = observation.TargetNode,
            FailureClass = observation.FailureClass,
            FailureReason = observation.FailureReason,
        };
        await context.Writer.WriteAsync(observed, t => context.Attempts.ObserveAsync(t, record.VmimName, observation, cancellationToken),
            cancellationToken);
        EngineLog.AttemptObserved(context.Logger, record.VmimName, observation.Outcome.ToDatabase());
        return true;
    }

    // A restart in flight keeps the step open even when the plan no longer holds its VMI (planned again after a crash
    // while the VM was stopped): it ends only once the VM runs elsewhere or the restart failed.
    private static bool RestartsPending(IReadOnlyList<AttemptRecord> records) => records.Any(r => r.IsRestart && !r.IsFinal);
}
