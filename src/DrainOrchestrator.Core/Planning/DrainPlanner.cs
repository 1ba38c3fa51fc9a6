using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Preflight and plan of a drain: classifies every VMI on the nodes, checks the remaining capacity, predicts each
/// migration and cuts them into waves. Pure and linear in the number of VMIs (plus nodes times distinct placement
/// constraints).
/// </summary>
public static class DrainPlanner
{
    /// <summary>Plans draining <paramref name="nodes"/> of <paramref name="snapshot"/> under <paramref name="policy"/>.</summary>
    /// <param name="snapshot">The cluster now.</param>
    /// <param name="nodes">The nodes to drain.</param>
    /// <param name="policy">The drain policy (validated by the caller).</param>
    /// <param name="history">Observations of earlier attempts; null for none.</param>
    /// <param name="otherDrainingNodes">Nodes drained by other drains: never targets either.</param>
    /// <param name="targets">
    /// Preferred targets and nodes due for a later drain (a rolling upgrade): the capacity check fills the preferred
    /// first and a later drain's nodes last, and names in <see cref="DrainPlan.MovesTwice"/> the VMs that only fit there.
    /// </param>
    public static DrainPlan Plan(
        ClusterSnapshot snapshot,
        IReadOnlyCollection<string> nodes,
        DrainPolicy policy,
        MigrationHistory? history = null,
        IReadOnlySet<string>? otherDrainingNodes = null,
        TargetPreference? targets = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(policy);
        history ??= MigrationHistory.Empty;
        var (startupPolicy, startupSource) = TargetStartups.Choose(policy, history.TargetStartup);
        policy = startupPolicy;
        var drained = new HashSet<string>(nodes, StringComparer.Ordinal);
        var excluded = new HashSet<string>(drained, StringComparer.Ordinal);
        if (otherDrainingNodes is not null)
        {
            excluded.UnionWith(otherDrainingNodes);
        }

        var index = new TieredPlacement(snapshot, excluded, targets ?? TargetPreference.None);
        var nodeByName = snapshot.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var budgets = BudgetCatalog.Of(snapshot, policy);
        var fastestReceiver = ReceiverNics.Fastest(snapshot, excluded);
        var classified = new List<PlannedVmi>();
        foreach (var vmi in snapshot.Vmis)
        {
            if (drained.Contains(vmi.NodeName))
            {
                var item = Classify(vmi, snapshot, policy, history, nodeByName, fastestReceiver);
                classified.Add(budgets.Budgets.Count == 0 ? item : item with { Budgets = budgets.NamesOf(vmi) });
            }
        }

        var receivers = new PlacementIndex(snapshot.Nodes, excluded);
        var placed = Place(classified, index, policy)
            .Select(i => i.Disposition == PlanDisposition.Migrate && ConstrainedTargets.Of(i.Vmi, receivers) is { } few
                ? i with { ConstrainedTargets = few }
                : i)
            .ToList();
        var migrations = placed.Where(i => i.Disposition == PlanDisposition.Migrate).ToList();
        var waves = WaveBuilder.Build(migrations, policy.MaxParallelMigrations, policy.MaxOutboundPerNode)
            .Select((items, i) => new PlannedWave(i + 1, [.. items.Select(item => item with { Wave = i + 1 })],
                items.Count == 0 ? TimeSpan.Zero : items.Max(item => item.Estimate.Duration)))
            .ToList();
        var items = waves.SelectMany(w => w.Items).Concat(placed.Where(i => i.Disposition != PlanDisposition.Migrate)).ToList();
        var blockers = items.Where(i => i.Disposition == PlanDisposition.Block).ToList();
        var twice = index.MovesTwice(items);
        return new DrainPlan([.. drained.Order(StringComparer.Ordinal)], items, waves, blockers, MakespanEstimator.Estimate(waves, policy))
        {
            Warnings = [.. PlanWarnings.Of(snapshot, drained, policy), .. ConvergenceWarnings(items), .. twice.Select(t => t.ToString()), .. budgets.Warnings],
            MovesTwice = twice,
            Budgets = budgets.Planned(snapshot, items),
            TargetStartup = policy.CostModel.TargetStartup,
            TargetStartupSource = startupSource,
        };
    }

    // Also the move-back's estimate of each return (ReturnPlanner). fastestReceiver: the fastest NIC the VMI may move to
    // (ReceiverNics), null when unknown.
    internal static PlannedVmi Classify(
        VmiSnapshot vmi, ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history,
        Dictionary<string, NodeSnapshot> nodeByName, long? fastestReceiver = null)
    {
        var config = MigrationConfigResolver.Resolve(vmi, snapshot.Config.Settings, snapshot.Policies);
        var eviction = vmi.EvictionStrategy == EvictionStrategy.Unset ? snapshot.Config.DefaultEvictionStrategy : vmi.EvictionStrategy;
        var (reason, detail) = vmi.LiveMigratable == false
            ? (BlockReason.NotLiveMigratable, $"LiveMigratable is False: {vmi.LiveMigratableReason ?? "no reason given"}")
            : eviction == EvictionStrategy.None
                ? (BlockReason.EvictionStrategyNone, "evictionStrategy is None")
                : (BlockReason.None, (string?)null);

        var nic = ReceiverNics.Cap(nodeByName.TryGetValue(vmi.NodeName, out var source) ? source.NicBandwidthBytesPerSecond : null, fastestReceiver);
        var (dirty, dirtySource) = LearnedInputs.DirtyRate(vmi, snapshot, history, policy.CostModel);
        var (observed, bandwidthSource) = LearnedInputs.Bandwidth(vmi, nic, history);
        var shared = observed ?? MigrationCostModel.EffectiveBandwidth(nic, policy.MaxOutboundPerNode, config.Settings, policy.CostModel);
        var estimate = MigrationCostModel.Estimate(vmi.MemoryBytes, dirty, shared, config.Settings, policy.CostModel, vmi.WorkingSetBytes);
        var alone = MigrationCostModel.EffectiveBandwidth(nic, 1, config.Settings, policy.CostModel);
        var aloneEstimate = MigrationCostModel.Estimate(vmi.MemoryBytes, dirty, Math.Max(alone, observed ?? 0), config.Settings, policy.CostModel,
            vmi.WorkingSetBytes);
        var dedicated = false;
        if (estimate.Mode != MigrationMode.PreCopy && policy.MaxOutboundPerNode > 1 && aloneEstimate.Mode == MigrationMode.PreCopy)
        {
            (estimate, dedicated) = (aloneEstimate, true);
        }

        var aloneBandwidth = Math.Max(alone, observed ?? 0);
        var mode = reason == BlockReason.None
            ? ModeChoice.Of(vmi, config.Settings, dirty, aloneBandwidth, aloneEstimate, snapshot.Config.ProgressTimeout, policy)
            : default;
        var firstPass = ModeChoice.FirstPass(vmi, aloneBandwidth);
        if (mode.StartsInPostCopy)
        {
            estimate = ModeChoice.PostCopyEstimate(vmi, config.Settings, dirty, shared, snapshot.Config.ProgressTimeout, firstPass, policy.CostModel);
            aloneEstimate = mode.Estimate!;
        }

        if (reason == BlockReason.None && estimate.Mode == MigrationMode.WillNotComplete)
        {
            detail = "predicted not to converge without post-copy";
        }

        return new PlannedVmi(vmi, reason == BlockReason.None ? PlanDisposition.Migrate : Disposition(policy), reason, detail,
            config, estimate, dedicated, null, 0)
        {
            AloneEstimate = aloneEstimate,
            StartsInPostCopy = mode.StartsInPostCopy,
            ConvergenceWarning = mode.Warning,
            FirstPass = firstPass,
            DirtyRateSource = dirtySource,
            BandwidthSource = bandwidthSource,
            DirtyRateBytesPerSecond = dirty,
        };
    }

    // The migrations predicted not to converge in any mode the policy allows, in plan order.
    private static IEnumerable<string> ConvergenceWarnings(List<PlannedVmi> items) =>
        items.Where(i => i.Disposition == PlanDisposition.Migrate && i.ConvergenceWarning is not null).Select(i => i.ConvergenceWarning!);

    private static PlanDisposition Disposition(DrainPolicy policy) => policy.NonMigratableAction switch
    {
        NonMigratableAction.Skip => PlanDisposition.Skip,
        NonMigratableAction.Shutdown => PlanDisposition.Restart,
        _ => PlanDisposition.Block,
    };

    // Largest first packs best; each VMI goes where the most memory is free, which also spreads the load.
    private static List<PlannedVmi> Place(List<PlannedVmi> items, TieredPlacement index, DrainPolicy policy)
    {
        var result = new List<PlannedVmi>(items.Count);
        foreach (var item in items.OrderByDescending(i => i.Vmi.MemoryBytes).ThenBy(i => i.Vmi.Uid, StringComparer.Ordinal))
        {
            if (item.Disposition is PlanDisposition.Skip or PlanDisposition.Block)
            {
                result.Add(item);
                continue;
            }

            // KubeVirt's VM controller starts a deleted VMI again only under runStrategy Always: RerunOnFailure does
            // not after a clean stop, Manual waits for a start request, Halted and Once never, and a bare VMI has no VM.
            if (item.Disposition == PlanDisposition.Restart && item.Vmi.RunStrategy != RunStrategy.Always)
            {
                result.Add(item with
                {
                    Disposition = PlanDisposition.Block,
                    Reason = BlockReason.CannotRestart,
                    Detail = item.Vmi.RunStrategy == RunStrategy.None
                        ? $"{item.Detail}; it has no VirtualMachine, so nothing would start it again after a shutdown"
                        : $"{item.Detail}; its run strategy {item.Vmi.RunStrategy} would not start it again after a shutdown (only Always does)",
                });
                continue;
            }

            var target = index.PlaceOnLargestFree(item.Vmi);
            if (target is not null)
            {
                result.Add(item with { TentativeTarget = target });
                continue;
            }

            var fits = index.HasAnyFit(item.Vmi);
            var admitted = fits || index.AdmitsByConstraints(item.Vmi);
            var reason = fits ? BlockReason.InsufficientCapacity : BlockReason.NoFeasibleTarget;
            var detail = fits ? "the remaining nodes lack the memory for all VMs of the drain"
                : admitted ? $"no schedulable node outside the drain has the {item.Vmi.MemoryBytes} bytes of memory it needs"
                : "no schedulable node outside the drain admits it (taints, nodeSelector or affinity)";

            // A VM that some node admits but none has room for lacks capacity, which skip and shutdown do not cover (they
            // are for VMs that cannot move): it blocks the drain under any policy, or the drain would end succeeded with
            // the node not empty. One no node admits at all (pinned by its constraints) follows the policy.
            result.Add(item with
            {
                Disposition = admitted || policy.NonMigratableAction == NonMigratableAction.Block ? PlanDisposition.Block : PlanDisposition.Skip,
                Reason = item.Reason == BlockReason.None ? reason : item.Reason,
                Detail = item.Detail is null ? detail : item.Detail + "; " + detail,
            });
        }

        return result;
    }
}
