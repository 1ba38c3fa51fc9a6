using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Engine;

/// <summary>
/// Turns a request into a recorded drain, or finds the unfinished drain of exactly these nodes to attach to (the
/// same command run again after a crash). Every problem with the request is reported at once, before anything starts.
/// </summary>
public sealed class DrainLauncher(NpgsqlDataSource dataSource, IClusterView view, TimeProvider timeProvider)
{
    /// <summary>The drain to run and whether it already existed; throws <see cref="DrainRequestException"/> on bad input.</summary>
    public async Task<(DrainRecord Drain, bool Attached)> LaunchAsync(DrainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = new DrainStore(dataSource, timeProvider);
        var nodes = request.Nodes.Order(StringComparer.Ordinal).ToList();
        var active = await store.ListAsync(activeOnly: true, cancellationToken);
        var same = FindSame(active, request.Cluster, nodes);
        if (same is not null)
        {
            return (same, true);
        }

        var problems = Problems(request, active);
        if (problems.Count > 0)
        {
            throw new DrainRequestException(problems);
        }

        var id = Guid.NewGuid();
        var name = request.Name ?? $"drain-{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{id.ToString("N")[..6]}";
        try
        {
            return (await store.CreateAsync(new NewDrain(id, name, request.Cluster, nodes, request.Policy.ToJson(), request.RequestedBy),
                cancellationToken), false);
        }
        catch (NodesAlreadyDrainingException ex)
        {
            // Another drainctl created the drain of these very nodes a moment ago (both started at once): attach to it.
            var raced = FindSame(await store.ListAsync(activeOnly: true, cancellationToken), request.Cluster, nodes);
            return raced is not null ? (raced, true) : throw new DrainRequestException([ex.Message]);
        }
    }

    private static DrainRecord? FindSame(IReadOnlyList<DrainRecord> active, string cluster, List<string> nodes) =>
        active.FirstOrDefault(d => d.Cluster == cluster
            && d.Nodes.Select(n => n.NodeName).Order(StringComparer.Ordinal).SequenceEqual(nodes, StringComparer.Ordinal));

    private List<string> Problems(DrainRequest request, IReadOnlyList<DrainRecord> active)
    {
        var state = view.Current;
        var problems = new List<string>();
        if (request.Nodes.Count == 0)
        {
            problems.Add("name at least one node with --node");
        }

        foreach (var node in request.Nodes.Distinct(StringComparer.Ordinal))
        {
            if (state.FindNode(node) is null)
            {
                problems.Add($"node '{node}' does not exist in the cluster");
            }

            var holder = active.FirstOrDefault(d => d.Cluster == request.Cluster && d.Nodes.Any(n => n.NodeName == node && n.ReleasedAt is null));
            if (holder is not null)
            {
                problems.Add($"node '{node}' already belongs to drain '{holder.Name}' ({holder.State})");
            }
        }

        foreach (var duplicate in request.Nodes.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"node '{duplicate.Key}' is named more than once");
        }

        problems.AddRange(request.Policy.ToPolicy().Validate(SnapshotMapper.MapConfig(state.KubeVirt)));
        if (problems.Count == 0)
        {
            problems.AddRange(Preflight(request, active, state));
        }

        return problems;
    }

    // The plan's blockers (a VM that cannot move under the policy, not enough room) refuse the drain before anything,
    // not even a cordon, happens. The engine plans again when it runs, for what changes in between.
    private static IEnumerable<string> Preflight(DrainRequest request, IReadOnlyList<DrainRecord> active, ClusterState state)
    {
        var others = active.Where(d => d.Cluster == request.Cluster)
            .SelectMany(d => d.Nodes.Where(n => n.ReleasedAt is null).Select(n => n.NodeName))
            .ToHashSet(StringComparer.Ordinal);
        var plan = DrainPlanner.Plan(SnapshotMapper.Map(state), [.. request.Nodes.Distinct(StringComparer.Ordinal)], request.Policy.ToPolicy(),
            null, others);
        return plan.Blockers.Select(b => $"{b.Vmi.QualifiedName} on {b.Vmi.NodeName} blocks the drain: {b.Detail ?? b.Reason.ToString()}"
            + (b.Reason is BlockReason.NotLiveMigratable or BlockReason.EvictionStrategyNone or BlockReason.CannotRestart
                ? " (--non-migratable skip leaves it in place and reports it)"
                : string.Empty));
    }
}
