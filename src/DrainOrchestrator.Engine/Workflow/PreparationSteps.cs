using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>Validate, lock and cordon: each repeatable, each journaled before it acts.</summary>
internal static class PreparationSteps
{
    /// <summary>Every problem that forbids the drain; empty when it may proceed.</summary>
    public static IReadOnlyList<string> Validate(DrainContext context)
    {
        var state = context.View.Current;
        var problems = new List<string>();
        // A move-back's nodes may be gone: the VMs it would have returned from them are then reported as gone.
        foreach (var node in context.IsMoveBack ? [] : context.Nodes)
        {
            if (state.FindNode(node) is null)
            {
                problems.Add($"node '{node}' does not exist");
            }
        }

        problems.AddRange(context.Policy.Validate(SnapshotMapper.MapConfig(state.KubeVirt)).Select(p => p.ToString()));
        return problems;
    }

    /// <summary>
    /// Takes (or renews) every node's maintenance Lease; returns the nodes another holder (node-maintenance-operator,
    /// NodeHealthCheck) holds a valid Lease of, each with why (naming the holder), and the cluster's refusal of the Lease
    /// when the policy requires it (requireInterop; otherwise the drain goes on without).
    /// </summary>
    public static async Task<(IReadOnlyList<(string Node, string Why)> Held, InteropRefused? Refused)> LockAsync(DrainContext context,
        CancellationToken cancellationToken)
    {
        var held = new List<(string Node, string Why)>();
        foreach (var node in context.Nodes)
        {
            string? other;
            try
            {
                other = await context.Actions.AcquireNodeLeaseAsync(node, context.NodeLeaseHolder, context.Options.NodeLeaseDuration, cancellationToken);
            }
            catch (KubernetesApiException ex) when (InteropRefusals.Classify(InteropFeature.MaintenanceLease, node, context.Actions.LeaseNamespace, ex) is not null)
            {
                // The cluster will not hold the lease (no namespace, no RBAC): reported once; PostgreSQL still keeps
                // drains apart, only other tools do not see this one.
                var refused = await context.Interop.HandleAsync(InteropFeature.MaintenanceLease, node, ex, cancellationToken);
                if (context.Policy.RequireInterop)
                {
                    return (held, refused);
                }

                other = null;
            }

            if (other is not null)
            {
                held.Add((node, $"node '{node}' is under maintenance by '{other}' (Lease {context.Actions.LeaseNamespace}/{NodeLeaseNames.For(node)})"));
                continue;
            }

            await context.Writer.WriteAsync(new NodeLocked(node), t => DrainStateStore.SetNodeStateAsync(
                t, context.Id, node, DrainNodeState.Locked, null, null, cancellationToken, onlyFrom: DrainNodeState.Pending), cancellationToken);
        }

        return (held, null);
    }

    /// <summary>Records each node's prior schedulability (kept from the first run), then cordons it.</summary>
    public static Task CordonAsync(DrainContext context, CancellationToken cancellationToken) =>
        CordonAsync(context, context.Nodes, cancellationToken);

    /// <summary>
    /// Cordons again, in a later run, every node the drain meant to uncordon after it had cordoned it: a window's
    /// suspension (uncordonWhileSuspended) whatever came after it (the next window, a pause or a crash before the
    /// resume cordoned them, a crash halfway through the uncordons). Read from the journal, as each intent is written
    /// before its act; a node whose last intent is a cordon is left as it is.
    /// </summary>
    public static async Task CordonAgainAsync(DrainContext context, CancellationToken cancellationToken)
    {
        var cordoned = LastSeqByNode(await context.Journal.ReadEntriesAsync<NodeCordonIntended>(context.Id, cancellationToken),
            e => ((NodeCordonIntended)e.ReadEvent()).Node);
        var uncordoned = LastSeqByNode(await context.Journal.ReadEntriesAsync<NodeUncordonIntended>(context.Id, cancellationToken),
            e => ((NodeUncordonIntended)e.ReadEvent()).Node);
        var again = context.Nodes.Where(n => uncordoned.TryGetValue(n, out var u) && u > cordoned.GetValueOrDefault(n)).ToList();
        if (again.Count > 0)
        {
            await CordonAsync(context, again, cancellationToken);
            await NodeConditionMarks.MarkAsync(context, again, NodeLifecycleMark.Started, InProgressMessage(context), cancellationToken);
        }
    }

    private static Dictionary<string, long> LastSeqByNode(IReadOnlyList<JournalEntry> entries, Func<JournalEntry, string> node)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            last[node(entry)] = entry.Seq;
        }

        return last;
    }

    private static async Task CordonAsync(DrainContext context, IReadOnlyCollection<string> nodes, CancellationToken cancellationToken)
    {
        var state = context.View.Current;
        foreach (var node in nodes)
        {
            var was = state.FindNode(node)?.Spec?.Unschedulable ?? false;
            await context.Writer.WriteAsync(new NodeCordonIntended(node, was), t =>
                DrainStateStore.SetNodeStateAsync(t, context.Id, node, DrainNodeState.Cordoned, was, null, cancellationToken), cancellationToken);
            await context.Actions.SetUnschedulableAsync(node, true, cancellationToken);
        }
    }

    /// <summary>What a node's DrainInProgress condition says while the drain works on it.</summary>
    public static string InProgressMessage(DrainContext context) =>
        $"drain-orchestrator drain {context.Drain.Name} is live-migrating the VMs off this node";

    /// <summary>Journals a completed step.</summary>
    public static Task CompleteAsync(DrainContext context, string step, CancellationToken cancellationToken) =>
        context.Writer.WriteAsync(new StepCompleted(step), null, cancellationToken);
}
