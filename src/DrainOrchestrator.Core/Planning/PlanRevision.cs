using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Plans a running drain's migrations again with what it learned (<see cref="DrainEvidence"/>): each migrating item is
/// predicted again as the planner predicts it (<see cref="DrainPlanner.Plan"/>), from a snapshot whose nodes carry the
/// learned NIC bandwidths and a history with the learned dirty rates, so its estimate, whether it needs its NIC alone and
/// whether it starts in post-copy follow. Everything else (the items and their order, waves, targets, budgets) stays as
/// planned, so positions into the plan stay valid. Linear in the items, plus the nodes once.
/// </summary>
public static class PlanRevision
{
    /// <summary>The plan with its migrating items predicted again.</summary>
    /// <param name="plan">The drain's plan as made at its start.</param>
    /// <param name="snapshot">The cluster, its nodes' NIC bandwidths the learned ones where no annotation says otherwise.</param>
    /// <param name="policy">The drain policy.</param>
    /// <param name="history">Earlier migrations and the dirty rates learned.</param>
    /// <param name="learnedNics">The nodes whose NIC bandwidth in <paramref name="snapshot"/> was learned (not annotated).</param>
    public static DrainPlan Revise(DrainPlan plan, ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history,
        IReadOnlySet<string> learnedNics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(learnedNics);
        var nodeByName = new Dictionary<string, NodeSnapshot>(snapshot.Nodes.Count, StringComparer.Ordinal);
        foreach (var node in snapshot.Nodes)
        {
            nodeByName[node.Name] = node;
        }

        var fastestReceiver = ReceiverNics.Fastest(snapshot, new HashSet<string>(plan.Nodes, StringComparer.Ordinal));
        var items = new List<PlannedVmi>(plan.Items.Count);
        foreach (var item in plan.Items)
        {
            if (item.Disposition != PlanDisposition.Migrate)
            {
                items.Add(item);
                continue;
            }

            items.Add(Predict(item, snapshot, policy, history, learnedNics, nodeByName, fastestReceiver));
        }

        return plan with { Items = items };
    }

    // One migrating item predicted again from the learned inputs; its place in the plan (order, wave, target) kept.
    // fastestReceiver: ReceiverNics.Fastest of the snapshot, the plan's drained nodes excluded.
    internal static PlannedVmi Predict(PlannedVmi item, ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history,
        IReadOnlySet<string> learnedNics, Dictionary<string, NodeSnapshot> nodeByName, long? fastestReceiver)
    {
        var again = DrainPlanner.Classify(item.Vmi, snapshot, policy, history, nodeByName, fastestReceiver);
        return item with
        {
            Estimate = again.Estimate,
            AloneEstimate = again.AloneEstimate,
            NeedsDedicatedBandwidth = again.NeedsDedicatedBandwidth,
            StartsInPostCopy = again.StartsInPostCopy,
            ConvergenceWarning = again.ConvergenceWarning,
            FirstPass = again.FirstPass,
            DirtyRateSource = again.DirtyRateSource,
            DirtyRateBytesPerSecond = again.DirtyRateBytesPerSecond,
            BandwidthSource = again.BandwidthSource == InputSource.Annotation && learnedNics.Contains(item.Vmi.NodeName)
                ? InputSource.Observed
                : again.BandwidthSource,
        };
    }
}
