using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// What one state of the cluster says about the plan's VMIs at verify, one VMI at a time. Pure: the same check reads
/// the informers' cache and the API server's answers.
/// </summary>
internal static class VerifyCheck
{
    /// <summary>
    /// The plan's VMIs that had to leave the nodes: migrated or restarted elsewhere, and blocked ones (skipped ones stay).
    /// A first plan with a blocker never runs; a plan made again after a restart can hold one (a VM that lost its room
    /// meanwhile), which the migrations pass by: it must not let the drain end succeeded with the VM still there.
    /// </summary>
    public static IEnumerable<PlannedVmi> Movers(DrainPlan plan) =>
        plan.Items.Where(i => i.Disposition is PlanDisposition.Migrate or PlanDisposition.Restart or PlanDisposition.Block);

    /// <summary>
    /// Why <paramref name="item"/> did not leave <paramref name="drainedNodes"/> according to <paramref name="cluster"/>,
    /// in words, or null when it did: its planned VMI (by uid) is still on one of them; or, restarted, its old VMI is
    /// gone and the VM does not run again off them (its new VMI has a new uid).
    /// </summary>
    public static string? Problem(ClusterState cluster, DrainPlan plan, PlannedVmi item, IReadOnlyCollection<string> drainedNodes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(item);
        if (cluster.FindVmi(item.Vmi.Uid) is { } vmi && drainedNodes.Contains(vmi.Status?.NodeName ?? "", StringComparer.Ordinal))
        {
            return $"{item.Vmi.QualifiedName} on {item.Vmi.NodeName}";
        }

        return item.Disposition == PlanDisposition.Restart
            ? RestartReconciler.NotRunningElsewhere(cluster, plan with { Items = [item] }, drainedNodes).FirstOrDefault()
            : null;
    }

    /// <summary>
    /// Whether <paramref name="vmi"/> is being handed over to a node outside the drain: its last migration completed
    /// there and its status does not say so yet.
    /// </summary>
    public static bool IsHandingOver(VirtualMachineInstance? vmi, IReadOnlyCollection<string> drainedNodes) =>
        vmi?.Status?.MigrationState is { Completed: true, Failed: not true, TargetNode: { Length: > 0 } target }
        && !drainedNodes.Contains(target, StringComparer.Ordinal);
}
