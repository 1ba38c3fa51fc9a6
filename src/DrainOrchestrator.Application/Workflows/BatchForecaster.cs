using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// Forecasts a sequence of drains over one snapshot: plans each batch as the run would (later batches avoided, earlier
/// ones preferred), then moves its VMs to the targets the plan's capacity check chose and returns its nodes to service,
/// so the next batch is planned on the cluster as the previous one left it. Pure; linear in VMIs per batch.
/// </summary>
internal static class BatchForecaster
{
    public static IReadOnlyList<BatchForecast> Forecast(ClusterSnapshot snapshot, IReadOnlyList<IReadOnlyList<string>> batches, DrainPolicy policy)
    {
        var forecasts = new List<BatchForecast>(batches.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            var targets = new TargetPreference(
                batches.Skip(i + 1).SelectMany(b => b).ToHashSet(StringComparer.Ordinal),
                batches.Take(i).SelectMany(b => b).ToHashSet(StringComparer.Ordinal));
            var plan = DrainPlanner.Plan(snapshot, batches[i], policy, null, null, targets);
            forecasts.Add(new BatchForecast(i, batches[i], plan.Items.Count(p => p.Disposition == PlanDisposition.Migrate), plan.Blockers.Count,
                [.. plan.MovesTwice.Select(m => new DoubleMoveView(m.Item.Vmi.QualifiedName, m.Item.Vmi.NodeName, m.Item.TentativeTarget!, m.Why))])
            {
                Skipped = Named(plan, PlanDisposition.Skip),
                Restarted = Named(plan, PlanDisposition.Restart),
            });
            snapshot = After(snapshot, plan);
        }

        return forecasts;
    }

    private static List<string> Named(DrainPlan plan, PlanDisposition disposition) =>
        [.. plan.Items.Where(p => p.Disposition == disposition).Select(p => $"{p.Vmi.QualifiedName}: {p.Detail ?? p.Reason.ToString()}")];

    // The cluster once the plan's migrations landed where its capacity check put them and its nodes are back (upgraded,
    // uncordoned): VMs moved, requested memory shifted from source to target.
    private static ClusterSnapshot After(ClusterSnapshot snapshot, DrainPlan plan)
    {
        var moved = plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate && i.TentativeTarget is not null)
            .ToDictionary(i => i.Vmi.Uid, i => i.TentativeTarget!, StringComparer.Ordinal);
        if (moved.Count == 0)
        {
            return snapshot with { Nodes = [.. snapshot.Nodes.Select(n => Returned(n, plan.Nodes))] };
        }

        var shift = new Dictionary<string, long>(StringComparer.Ordinal);
        var vmis = snapshot.Vmis.Select(v =>
        {
            if (!moved.TryGetValue(v.Uid, out var target))
            {
                return v;
            }

            shift[v.NodeName] = shift.GetValueOrDefault(v.NodeName) - v.MemoryBytes;
            shift[target] = shift.GetValueOrDefault(target) + v.MemoryBytes;
            return v with { NodeName = target };
        }).ToList();
        var nodes = snapshot.Nodes.Select(n => Returned(n, plan.Nodes) with
        {
            RequestedMemoryBytes = Math.Max(0, n.RequestedMemoryBytes + shift.GetValueOrDefault(n.Name)),
        }).ToList();
        return snapshot with { Nodes = nodes, Vmis = vmis };
    }

    private static NodeSnapshot Returned(NodeSnapshot node, IReadOnlyList<string> drained) =>
        drained.Contains(node.Name, StringComparer.Ordinal) ? node with { Unschedulable = false, Ready = true } : node;
}
