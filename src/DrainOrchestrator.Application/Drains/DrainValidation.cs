using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// The one validation of a drain request, shared by plan and start: the nodes (exist, named once, not held by another
/// unfinished drain), the policy against the cluster's limits, and, once those hold, the plan's blockers.
/// </summary>
internal static class DrainValidation
{
    public static List<RequestProblem> Problems(ClusterState state, string cluster, DrainSpec spec, IReadOnlyList<DrainRecord> active,
        FrontDoor door, bool includeBlockers = true)
    {
        var nodesName = FieldTerms.Nodes(door);
        var problems = new List<RequestProblem>();
        if (spec.Name is not null && ResourceName.Problem(spec.Name, "the drain's name") is { } name)
        {
            problems.Add(new("name", name));
        }

        if (spec.Nodes.Count == 0)
        {
            problems.Add(new("nodes", door == FrontDoor.CommandLine ? "name at least one node with --node" : "nodes must name at least one node"));
        }

        for (var i = 0; i < spec.Nodes.Count; i++)
        {
            var node = spec.Nodes[i];
            if (spec.Nodes.Take(i).Contains(node, StringComparer.Ordinal))
            {
                problems.Add(new($"nodes[{i}]", $"{nodesName}: node '{node}' is named more than once"));
                continue;
            }

            if (state.FindNode(node) is null)
            {
                problems.Add(new($"nodes[{i}]", $"{nodesName}: node '{node}' does not exist in the cluster"));
            }

            var holder = active.FirstOrDefault(d => d.Cluster == cluster && d.Nodes.Any(n => n.NodeName == node && n.ReleasedAt is null));
            if (holder is not null)
            {
                problems.Add(new($"nodes[{i}]", $"{nodesName}: node '{node}' already belongs to drain '{holder.Name}' ({holder.State.ToDatabase()})"));
            }
        }

        problems.AddRange(TargetProblems(state, spec, door));
        problems.AddRange(spec.Policy.Validate(SnapshotMapper.MapConfig(state.KubeVirt)).Select(p => FieldTerms.Render(p, spec.Policy, door)));
        if (problems.Count == 0 && includeBlockers)
        {
            problems.AddRange(Blockers(Plan(state, cluster, spec, active), door));
        }

        return problems;
    }

    /// <summary>The plan of <paramref name="spec"/>, never targeting nodes other unfinished drains hold.</summary>
    public static DrainPlan Plan(ClusterState state, string cluster, DrainSpec spec, IReadOnlyList<DrainRecord> active) =>
        Plan(SnapshotMapper.Map(state), MigrationHistory.Empty, cluster, spec, active);

    /// <summary>The plan of <paramref name="spec"/> on a snapshot with what was learned (metrics, history).</summary>
    public static DrainPlan Plan(ClusterSnapshot snapshot, MigrationHistory history, string cluster, DrainSpec spec,
        IReadOnlyList<DrainRecord> active)
    {
        var others = active.Where(d => d.Cluster == cluster)
            .SelectMany(d => d.Nodes.Where(n => n.ReleasedAt is null).Select(n => n.NodeName))
            .Except(spec.Nodes, StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);
        return DrainPlanner.Plan(snapshot, [.. spec.Nodes.Distinct(StringComparer.Ordinal)], spec.Policy, history, others, spec.Targets);
    }

    // The target preference names nodes of the cluster, none of them drained by this drain, none both avoided and preferred.
    private static IEnumerable<RequestProblem> TargetProblems(ClusterState state, DrainSpec spec, FrontDoor door)
    {
        foreach (var (list, field, other) in new[] { (spec.AvoidTargets, "avoidTargets", spec.PreferTargets), (spec.PreferTargets, "preferTargets", spec.AvoidTargets) })
        {
            var name = FieldTerms.Targets(field, door);
            for (var i = 0; i < list.Count; i++)
            {
                var node = list[i];
                if (state.FindNode(node) is null)
                {
                    yield return new($"{field}[{i}]", $"{name}: node '{node}' does not exist in the cluster");
                }
                else if (spec.Nodes.Contains(node, StringComparer.Ordinal))
                {
                    yield return new($"{field}[{i}]", $"{name}: node '{node}' is drained by this drain, so it is no target at all; leave it out");
                }
                else if (field == "avoidTargets" && other.Contains(node, StringComparer.Ordinal))
                {
                    yield return new($"{field}[{i}]",
                        $"{name}: node '{node}' is also in {FieldTerms.Targets("preferTargets", door)}; name it in one of them (avoided for a node a later drain empties)");
                }
            }
        }
    }

    // The plan's blockers (a VM that cannot move under the policy, not enough room) refuse the drain before anything,
    // not even a cordon, happens. The engine plans again when it runs, for what changes in between.
    private static IEnumerable<RequestProblem> Blockers(DrainPlan plan, FrontDoor door) =>
        plan.Blockers.Select(b => new RequestProblem(FieldTerms.PolicyPath("NonMigratableAction"),
            $"{b.Vmi.QualifiedName} on {b.Vmi.NodeName} blocks the drain: {b.Detail ?? b.Reason.ToString()}"
            + (b.Reason is BlockReason.NotLiveMigratable or BlockReason.EvictionStrategyNone or BlockReason.CannotRestart
                ? $" ({FieldTerms.PolicyName("NonMigratableAction", door)} skip leaves it in place and reports it)"
                : string.Empty)));
}
