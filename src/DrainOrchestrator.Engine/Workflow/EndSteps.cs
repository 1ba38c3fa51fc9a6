using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>Finish, and the ways out: cancel and fail (verify is <see cref="VerifyStep"/>).</summary>
internal static class EndSteps
{
    /// <summary>Why a drain cancelled when nothing was left in flight ends cancelled.</summary>
    public const string CancelledAfterTheLastMigration = "cancelled by an operator after the last migration had ended; none was in flight to abort";

    /// <summary>Ends the drain: nodes stay cordoned on success; on failure or cancel they are uncordoned when the policy
    /// says so (and only if the drain cordoned them); the nodes' lifecycle conditions tell the outcome; node Leases and
    /// drain_nodes are released.</summary>
    /// <param name="context">The drain.</param>
    /// <param name="state">How it ends.</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="cancellationToken">Stops the finish (a later run finishes it).</param>
    /// <param name="heldByOthers">Nodes whose Lease another maintenance tool holds: left cordoned, their Lease untouched.</param>
    public static async Task<DrainResult> FinishAsync(DrainContext context, DrainState state, string reason, CancellationToken cancellationToken,
        IReadOnlyCollection<string>? heldByOthers = null)
    {
        var uncordon = state != DrainState.Succeeded && context.Policy.UncordonOnFailure;
        var current = await new DrainStore(context.Writer.DataSource, context.Time).FindAsync(context.DrainIdText, cancellationToken);
        foreach (var node in current?.Nodes ?? [])
        {
            if (heldByOthers?.Contains(node.NodeName) == true)
            {
                continue;
            }

            if (uncordon && node.WasUnschedulable == false && node.State is not DrainNodeState.Pending and not DrainNodeState.Locked)
            {
                await context.Writer.WriteAsync(new NodeUncordonIntended(node.NodeName), null, cancellationToken);
                await UncordonAsync(context, node.NodeName, cancellationToken);
            }

            try
            {
                await context.Actions.ReleaseNodeLeaseAsync(node.NodeName, context.NodeLeaseHolder, cancellationToken);
            }
            catch (KubernetesApiException ex)
            {
                EngineLog.CleanupFailed(context.Logger, "node Lease of " + node.NodeName, ex.Message);
            }
        }

        // Only the nodes the drain began on: one it never cordoned (validation failed, another tool holds it) says nothing.
        var begun = (current?.Nodes ?? []).Where(n => n.State is not DrainNodeState.Pending and not DrainNodeState.Locked
            && heldByOthers?.Contains(n.NodeName) != true).Select(n => n.NodeName);
        await NodeConditionMarks.MarkAsync(context, begun, state switch
        {
            DrainState.Succeeded => NodeLifecycleMark.Succeeded,
            DrainState.Cancelled => NodeLifecycleMark.Cancelled,
            _ => NodeLifecycleMark.Failed,
        }, $"drain-orchestrator drain {context.Drain.Name}: {reason}", cancellationToken);

        // Everything the drain owns goes, whatever ended it: no attempt is unfinished any more.
        await OwnedObjectsSweep.SweepAsync(context, OwnedObjectsSweep.AtFinish, await context.Attempts.ListAsync(context.Id, cancellationToken),
            cancellationToken);

        // A cancel accepted while the finish released the nodes is honoured: a drain about to end succeeded that is now
        // cancelling ends cancelled instead (the row is locked, so no signal slips in between this read and the write).
        var finished = await context.Writer.WriteIfAsync(
            state == DrainState.Succeeded
                ? async t => await DrainStateStore.ReadStateAsync(t, context.Id, forUpdate: true, cancellationToken) != DrainState.Cancelling
                : null,
            DrainFinished.Of(state, reason, uncordon), async t =>
        {
            foreach (var node in context.Nodes)
            {
                // A move-back's nodes were never emptied: they are let go, not drained.
                var nodeState = state != DrainState.Succeeded ? DrainNodeState.Failed
                    : context.IsMoveBack ? DrainNodeState.Released : DrainNodeState.Drained;
                await DrainStateStore.SetNodeStateAsync(t, context.Id, node, nodeState, null, state == DrainState.Succeeded ? null : reason, cancellationToken);
            }

            await context.States.SetStateAsync(t, context.Id, state, reason, cancellationToken);
            await context.States.ReleaseNodesAsync(t, context.Id, cancellationToken);
        }, cancellationToken);
        if (!finished)
        {
            return await FinishAsync(context, DrainState.Cancelled, CancelledAfterTheLastMigration, cancellationToken);
        }

        EngineLog.DrainFinished(context.Logger, context.Drain.Name, state.ToDatabase(), reason);
        return new DrainResult(context.Id, DrainRunStates.Of(state), reason);
    }

    // A node deleted meanwhile has nothing left to uncordon: that is recorded, and the drain still finishes.
    private static async Task UncordonAsync(DrainContext context, string node, CancellationToken cancellationToken)
    {
        try
        {
            await context.Actions.SetUnschedulableAsync(node, false, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            await context.Writer.WriteAsync(new NodeGone(node), null, cancellationToken);
            EngineLog.CleanupFailed(context.Logger, "uncordon of " + node, "the node no longer exists; nothing to uncordon");
        }
    }

    /// <summary>Cancels: deletes every in-flight VMIM (recording each abort), then finishes as cancelled.</summary>
    public static async Task<DrainResult> CancelAsync(DrainContext context, CancellationToken cancellationToken)
    {
        var aborted = await AbortInFlightAsync(context, FailureKind.Aborted, "the drain was cancelled", cancellationToken);
        return await FinishAsync(context, DrainState.Cancelled,
            $"cancelled by an operator; {aborted} migration(s) in flight were aborted", cancellationToken);
    }

    /// <summary>Deletes every in-flight VMIM, recording each abort as <paramref name="kind"/> with <paramref name="why"/>; returns how many.</summary>
    public static async Task<int> AbortInFlightAsync(DrainContext context, FailureKind kind, string why, CancellationToken cancellationToken)
    {
        var aborted = 0;
        foreach (var record in (await context.Attempts.ListAsync(context.Id, cancellationToken)).Where(r => !r.IsFinal))
        {
            // A restart has no VMIM to delete and cannot be undone: its VM starts again through its run strategy.
            if (!record.IsRestart)
            {
                await context.Writer.WriteAsync(new AttemptAbortRequested(record.VmimName), null, cancellationToken);
                await context.Actions.DeleteMigrationAsync(record.VmiNamespace, record.VmimName, cancellationToken);
            }

            var reason = record.IsRestart
                ? why + " while the VM restarted; KubeVirt starts it again through its run strategy"
                : why;
            await context.Writer.WriteAsync(new AttemptAborted(record.VmimName), t => context.Attempts.ObserveAsync(t,
                record.VmimName, new AttemptObservation(AttemptOutcome.Aborted, FailureClass: kind.ToString(), FailureReason: reason),
                cancellationToken), cancellationToken);
            aborted++;
        }

        return aborted;
    }
}
