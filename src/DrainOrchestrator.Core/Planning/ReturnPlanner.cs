using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The plan of a move-back: each VM a drain moved goes back to its origin, pinned there (<see cref="PlannedVmi.PinnedTarget"/>),
/// when the origin is back (Ready, not cordoned, not being drained, still admitting the VM) and has the memory; it is
/// left in place and says why (a skip) when the origin did not return or lacks room, when the VM no longer exists, or
/// when it is not on the node the drain moved it to (someone moved it since). The plan's nodes are the nodes the drain
/// moved VMs to: the move-back's sources. Waves, estimates and budgets as for a drain. Pure and linear in the VMIs.
/// </summary>
public static class ReturnPlanner
{
    /// <summary>Plans returning <paramref name="returns"/> in <paramref name="snapshot"/> under <paramref name="policy"/>.</summary>
    /// <param name="snapshot">The cluster now.</param>
    /// <param name="returns">What the drain moved, one per VM.</param>
    /// <param name="policy">The move-back's policy (validated by the caller).</param>
    /// <param name="otherDrainingNodes">Nodes drained by other drains: an origin among them has not returned.</param>
    /// <param name="planned">
    /// After a crash, the VMs the first plan returns: one already on its origin stays planned (its attempt says it
    /// succeeded), instead of reading as moved since.
    /// </param>
    /// <param name="underWay">
    /// After a crash, the VMs whose return an earlier run started and that has not ended: planned back to their origin
    /// whatever the origin's state now, so the move-back follows each attempt to its end.
    /// </param>
    public static DrainPlan Plan(ClusterSnapshot snapshot, IReadOnlyList<VmReturn> returns, DrainPolicy policy,
        IReadOnlySet<string>? otherDrainingNodes = null, IReadOnlySet<string>? planned = null, IReadOnlySet<string>? underWay = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(policy);
        var sources = returns.Select(r => r.MovedTo).ToHashSet(StringComparer.Ordinal);
        var excluded = new HashSet<string>(sources, StringComparer.Ordinal);
        if (otherDrainingNodes is not null)
        {
            excluded.UnionWith(otherDrainingNodes);
        }

        var index = new PlacementIndex(snapshot.Nodes, excluded);
        var nodeByName = snapshot.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var vmiByUid = new Dictionary<string, VmiSnapshot>(StringComparer.Ordinal);
        foreach (var vmi in snapshot.Vmis)
        {
            vmiByUid.TryAdd(vmi.Uid, vmi);
        }

        var budgets = BudgetCatalog.Of(snapshot, policy);
        var placed = new List<PlannedVmi>(returns.Count);
        var ordered = returns.Select(r => (Return: r, Vmi: vmiByUid.GetValueOrDefault(r.Uid)))
            .OrderByDescending(p => p.Vmi?.MemoryBytes ?? 0).ThenBy(p => p.Return.Uid, StringComparer.Ordinal);
        foreach (var (ret, vmi) in ordered)
        {
            var item = Place(ret, vmi, snapshot, policy, index, nodeByName, planned, underWay);
            placed.Add(budgets.Budgets.Count == 0 || vmi is null ? item : item with { Budgets = budgets.NamesOf(vmi) });
        }

        var migrations = placed.Where(i => i.Disposition == PlanDisposition.Migrate).ToList();
        var waves = WaveBuilder.Build(migrations, policy.MaxParallelMigrations, policy.MaxOutboundPerNode)
            .Select((items, i) => new PlannedWave(i + 1, [.. items.Select(item => item with { Wave = i + 1 })],
                items.Count == 0 ? TimeSpan.Zero : items.Max(item => item.Estimate.Duration)))
            .ToList();
        var all = waves.SelectMany(w => w.Items).Concat(placed.Where(i => i.Disposition != PlanDisposition.Migrate)).ToList();
        return new DrainPlan([.. sources.Order(StringComparer.Ordinal)], all, waves, [], MakespanEstimator.Estimate(waves, policy))
        {
            Warnings = budgets.Warnings,
            Budgets = budgets.Planned(snapshot, all),
        };
    }

    private static PlannedVmi Place(VmReturn ret, VmiSnapshot? vmi, ClusterSnapshot snapshot, DrainPolicy policy,
        PlacementIndex index, Dictionary<string, NodeSnapshot> nodeByName, IReadOnlySet<string>? planned, IReadOnlySet<string>? underWay)
    {
        if (vmi is null)
        {
            return Left(Placeholder(ret), snapshot, policy, nodeByName, BlockReason.MovedSince, "it no longer exists");
        }

        if (planned is not null && planned.Contains(ret.Uid)
            && string.Equals(vmi.NodeName, ret.Origin, StringComparison.Ordinal))
        {
            // Returned by an earlier run of this move-back: planned from where it was, so its attempt reads as done.
            return DrainPlanner.Classify(vmi with { NodeName = ret.MovedTo }, snapshot, policy, MigrationHistory.Empty, nodeByName)
                with
            { PinnedTarget = ret.Origin, TentativeTarget = ret.Origin };
        }

        if (!string.Equals(vmi.NodeName, ret.MovedTo, StringComparison.Ordinal))
        {
            var where = string.Equals(vmi.NodeName, ret.Origin, StringComparison.Ordinal)
                ? $"it is already back on {ret.Origin}"
                : $"it runs on {vmi.NodeName}, not on {ret.MovedTo} where the drain moved it: someone moved it since";
            return Left(vmi, snapshot, policy, nodeByName, BlockReason.MovedSince, where);
        }

        if (underWay is not null && underWay.Contains(ret.Uid))
        {
            // Its return is in flight (its target pod already holds the origin's memory): left in the plan, the attempt is
            // followed to its end; were it skipped, the attempt would stay open, holding its slot, and the VM would land
            // on its origin while the report says it was left.
            return DrainPlanner.Classify(vmi, snapshot, policy, MigrationHistory.Empty, nodeByName)
                with
            { Disposition = PlanDisposition.Migrate, Reason = BlockReason.None, Detail = null, PinnedTarget = ret.Origin, TentativeTarget = ret.Origin };
        }

        if (OriginProblem(ret, vmi, index, nodeByName) is { } notBack)
        {
            return Left(vmi, snapshot, policy, nodeByName, BlockReason.OriginNotBack, notBack);
        }

        if (index.FreeMemory(ret.Origin) < vmi.MemoryBytes)
        {
            return Left(vmi, snapshot, policy, nodeByName, BlockReason.OriginFull,
                $"{ret.Origin} is back but has {index.FreeMemory(ret.Origin)} bytes of memory free for its {vmi.MemoryBytes}");
        }

        var item = DrainPlanner.Classify(vmi, snapshot, policy, MigrationHistory.Empty, nodeByName);
        if (item.Disposition != PlanDisposition.Migrate)
        {
            return item with { Disposition = PlanDisposition.Skip };
        }

        index.Reserve(ret.Origin, vmi.MemoryBytes);
        return item with { PinnedTarget = ret.Origin, TentativeTarget = ret.Origin };
    }

    // Why the origin cannot take the VM back (memory aside); null when it can.
    private static string? OriginProblem(VmReturn ret, VmiSnapshot vmi, PlacementIndex index, Dictionary<string, NodeSnapshot> nodeByName)
    {
        if (!nodeByName.TryGetValue(ret.Origin, out var origin))
        {
            return $"its original node {ret.Origin} no longer exists";
        }

        if (!origin.Ready)
        {
            return $"its original node {ret.Origin} is not Ready";
        }

        if (origin.Unschedulable)
        {
            return $"its original node {ret.Origin} is still cordoned";
        }

        if (index.FreeMemory(ret.Origin) is null)
        {
            return $"its original node {ret.Origin} is being drained";
        }

        return NodeFit.SatisfiesConstraints(origin, vmi) ? null
            : $"its original node {ret.Origin} no longer admits it (a taint, its nodeSelector or its affinity)";
    }

    private static PlannedVmi Left(VmiSnapshot vmi, ClusterSnapshot snapshot, DrainPolicy policy,
        Dictionary<string, NodeSnapshot> nodeByName, BlockReason reason, string detail) =>
        DrainPlanner.Classify(vmi, snapshot, policy, MigrationHistory.Empty, nodeByName)
            with
        { Disposition = PlanDisposition.Skip, Reason = reason, Detail = detail };

    // A VM that no longer exists, as the drain last saw it: enough to report it left.
    private static VmiSnapshot Placeholder(VmReturn ret) => new(ret.Namespace, ret.Name, ret.Uid, ret.MovedTo,
        new Dictionary<string, string>(), new Dictionary<string, string>(), 0, new Dictionary<string, string>(), [], [],
        null, null, EvictionStrategy.Unset, RunStrategy.None, null);
}
