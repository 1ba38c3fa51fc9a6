using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// What the cluster says about one restart whose VMI was deleted, as an observation to record. Pure. The VM's VMI keeps
/// its namespace and name and gets a new uid when KubeVirt starts it again: the restart succeeded once a VMI of that
/// name with another uid is Running on a node outside the drain; it failed when it comes back on a drained node, or
/// does not run again within the timeout.
/// </summary>
internal static class RestartReconciler
{
    /// <param name="record">The restart attempt as recorded, past its intent (the VMI's deletion is recorded).</param>
    /// <param name="cluster">The cluster now.</param>
    /// <param name="drainedNodes">The drain's nodes.</param>
    /// <param name="now">The engine's time.</param>
    /// <param name="timeout">How long after the deletion the VM may take to run again.</param>
    /// <returns>The observation to record, or null when nothing changed.</returns>
    public static AttemptObservation? Observe(AttemptRecord record, ClusterState cluster, IReadOnlyCollection<string> drainedNodes,
        DateTimeOffset now, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(cluster);
        var current = cluster.FindVmi(record.VmiNamespace, record.VmiName);
        var expired = now - (record.CreatedAt ?? record.IntendedAt) >= timeout;
        if (current is null || current.Metadata.Uid == record.VmiUid)
        {
            // Still stopping (or the informer has not caught up), or stopped and not started again yet.
            return expired ? Failed(current is null
                ? $"the VM did not run again within {timeout}: KubeVirt started no new VMI (its run strategy must be Always, and a node must fit it)"
                : $"the VMI (uid {record.VmiUid}) was still not stopped {timeout} after its deletion") : null;
        }

        var node = current.Status?.NodeName;
        if (current.Status?.Phase == "Running" && !string.IsNullOrEmpty(node))
        {
            return drainedNodes.Contains(node, StringComparer.Ordinal)
                ? Failed($"the VM started again on {node}, a node of this drain (new VMI uid {current.Metadata.Uid})")
                : new AttemptObservation(AttemptOutcome.Succeeded, TargetNode: node);
        }

        if (expired)
        {
            return Failed($"the VM's new VMI (uid {current.Metadata.Uid}) was not Running within {timeout} (phase {current.Status?.Phase ?? "unknown"})");
        }

        // Started again, not running yet: worth recording once, so a report made meanwhile shows where it stands.
        return record.Outcome == AttemptOutcome.Running ? null : new AttemptObservation(AttemptOutcome.Running);
    }

    /// <summary>
    /// For verify: the plan's restarted VMs whose old VMI is gone but which do not run off the drained nodes (never
    /// started again, or started on a drained node), in words.
    /// </summary>
    public static IEnumerable<string> NotRunningElsewhere(ClusterState cluster, DrainPlan plan, IReadOnlyCollection<string> drainedNodes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var item in plan.Items.Where(i => i.Disposition == PlanDisposition.Restart && cluster.FindVmi(i.Vmi.Uid) is null))
        {
            var current = cluster.FindVmi(item.Vmi.Namespace, item.Vmi.Name);
            var node = current?.Status?.NodeName;
            if (current?.Status?.Phase != "Running" || string.IsNullOrEmpty(node))
            {
                yield return $"{item.Vmi.QualifiedName} was stopped to restart elsewhere and does not run again";
            }
            else if (drainedNodes.Contains(node, StringComparer.Ordinal))
            {
                yield return $"{item.Vmi.QualifiedName} started again on {node}";
            }
        }
    }

    private static AttemptObservation Failed(string reason) =>
        new(AttemptOutcome.Failed, FailureClass: nameof(FailureKind.Unknown), FailureReason: reason);
}
