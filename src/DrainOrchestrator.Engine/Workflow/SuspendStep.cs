using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// The way out of a window with work left, and back in: the drain keeps its nodes (drain_nodes stay held, so no other
/// drain takes them) and waits, its nodes cordoned or, when the policy says so, uncordoned with their node Leases
/// released; the next run cordons them again and takes the Leases back. Nothing of the attempts is touched: a moved
/// VM stays moved, and a finished migration is never started again.
/// </summary>
internal static class SuspendStep
{
    public static async Task<DrainResult> SuspendAsync(DrainContext context, int remaining, CancellationToken cancellationToken)
    {
        var uncordon = context.Policy.Window.UncordonWhileSuspended;
        var end = context.Window?.End ?? context.Time.GetUtcNow();
        var current = await new DrainStore(context.Writer.DataSource, context.Time).FindAsync(context.DrainIdText, cancellationToken);
        var released = new List<string>();
        foreach (var node in current?.Nodes ?? [])
        {
            if (!uncordon || node.WasUnschedulable != false || node.State is DrainNodeState.Pending or DrainNodeState.Locked)
            {
                continue;
            }

            await context.Writer.WriteAsync(new NodeUncordonIntended(node.NodeName), null, cancellationToken);
            await context.Actions.SetUnschedulableAsync(node.NodeName, false, cancellationToken);
            released.Add(node.NodeName);
            try
            {
                await context.Actions.ReleaseNodeLeaseAsync(node.NodeName, context.NodeLeaseHolder, cancellationToken);
            }
            catch (KubernetesApiException ex)
            {
                EngineLog.CleanupFailed(context.Logger, "node Lease of " + node.NodeName, ex.Message);
            }
        }

        // Back in service, a node no longer says a drain is in progress on it (the next window's run says so again).
        await NodeConditionMarks.MarkAsync(context, released, NodeLifecycleMark.Suspended,
            $"drain-orchestrator drain {context.Drain.Name} is suspended until its next maintenance window; the node is back in service", cancellationToken);
        var reason = $"the maintenance window ends {end:u} with {remaining} VM(s) left to move; the nodes are kept "
            + (uncordon ? "but uncordoned" : "cordoned") + "; a run in the next window resumes the drain";
        var moved = false;
        await context.Writer.WriteAsync(new DrainSuspended(end, remaining, uncordon, reason),
            async t => moved = await context.States.SetStateAsync(t, context.Id, DrainState.Suspended, reason, cancellationToken,
                onlyFrom: DrainState.Running), cancellationToken);
        if (!moved)
        {
            // An operator's signal stands over the window's end: a cancel is carried out now; a pause stays (the next
            // window's run cordons the nodes again and waits for the resume, as a paused drain does).
            switch (await context.States.ReadStateAsync(context.Id, cancellationToken))
            {
                case DrainState.Cancelling:
                    return await EndSteps.CancelAsync(context, cancellationToken);
                case DrainState.Paused:
                    reason += "; it stays paused until an operator resumes it";
                    break;
            }
        }

        EngineLog.DrainFinished(context.Logger, context.Drain.Name, DrainState.Suspended.ToDatabase(), reason);
        return new DrainResult(context.Id, DrainRunState.Suspended, reason);
    }

    /// <summary>
    /// Takes a suspended drain up again: running. Returns false when an operator's signal (a cancel, a pause) moved it
    /// from suspended first: that state stands. The nodes a suspension uncordoned are cordoned again by the run's lock
    /// and cordon (<see cref="PreparationSteps.CordonAgainAsync"/>), which a cancelled drain never reaches.
    /// </summary>
    public static async Task<bool> ResumeAsync(DrainContext context, string holder, CancellationToken cancellationToken)
    {
        var moved = false;
        await context.Writer.WriteAsync(new DrainResumed(holder, DrainState.Suspended),
            async t => moved = await context.States.SetStateAsync(t, context.Id, DrainState.Running, null, cancellationToken,
                onlyFrom: DrainState.Suspended), cancellationToken);
        return moved;
    }
}
