using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Windows;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Decides what starts next and where, on every event (a migration finished or failed, a slot freed, a timer). Pure:
/// the same state and time give the same actions, so the engine can replay it and the benchmark can run it in virtual
/// time. Never more in flight than the cluster limit or per source than the per-node limit, counting VMIMs the
/// orchestrator did not create; never more inbound per target than the inbound limit; never a target being drained.
/// A source's next migration starts when its NIC is predicted to be free by the time the new target is ready; until
/// then its slot is left to other sources and <see cref="SchedulerDecision.WakeAt"/> says when to ask again.
/// </summary>
/// <remarks>
/// A decision reads the cluster's VMIs once, the attempts a few times, and the nodes only when a slot is free; what
/// depends on the plan alone is computed once per plan instance (<see cref="PlanIndex"/>). Safe to call from several
/// threads at once, with the same plan or not.
/// </remarks>
public static class DrainScheduler
{
    /// <summary>The actions to take at <paramref name="now"/> and when to be called again without an event.</summary>
    public static SchedulerDecision Decide(SchedulerState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = PlanIndex.For(state.Plan);
        using var table = ItemStates.Compute(state, plan, now);
        var tally = Tally.Of(table, plan);
        var counters = FlightCounters.Build(state, plan);
        counters.ReserveLanded(table.Landed);
        if (state.Paused)
        {
            return new SchedulerDecision([], null, tally.GivenUp, [], tally.InFlight, tally.Remaining, tally.Moved, counters.Cluster);
        }

        var actions = new List<SchedulerAction>();
        var budgets = BudgetCounters.Build(state, plan);
        var heldByBudget = new List<PlannedVmi>();
        foreach (var i in tally.Restarts)
        {
            if (budgets is not null && !budgets.Admits(i, restart: true))
            {
                heldByBudget.Add(plan.Items[i]);
                continue;
            }

            budgets?.Take(i, restart: true);
            ref var status = ref table[i];
            actions.Add(new RestartElsewhere(status.Vmi, status.NextAttempt,
                MigrationNaming.VmimName(state.DrainId, status.Vmi.Uid, status.NextAttempt), plan.Items[i].Wave)
            {
                Budgets = budgets?.Of(i) ?? [],
            });
        }

        var withoutTarget = new List<PlannedVmi>();
        var heldBack = new List<PlannedVmi>();
        var candidates = Admitted(Candidates(table, plan, state.Policy, counters, tally, state.Waiting), plan, state.Window, now, heldBack);
        var timeline = new Lazy<NicTimeline>(() => NicTimeline.Build(state, plan, counters, now), LazyThreadSafetyMode.None);
        var targets = new Lazy<(PlacementIndex Index, TargetChooser Chooser)>(() => Targets(state, plan, counters, candidates, timeline.Value, now),
            LazyThreadSafetyMode.None);
        var slowestReceiver = new Lazy<long>(() => SlowestReceiverNic(state, plan), LazyThreadSafetyMode.None);
        var selection = new SourceSelection(counters, () => timeline.Value, state.Policy, plan, () => slowestReceiver.Value)
        {
            SlotFreeSince = state.SlotFreeSince,
        };
        var started = selection.Fill(table, candidates, i =>
        {
            ref var status = ref table[i];
            var item = plan.Items[i];
            if (budgets is not null && !budgets.Admits(i, restart: false))
            {
                heldByBudget.Add(item);
                return null;
            }

            var (index, chooser) = targets.Value;
            var target = chooser.Choose(item, status.Vmi, status.AvoidTargets);
            if (target < 0)
            {
                withoutTarget.Add(item);
                return null;
            }

            index.ReserveAt(target, status.Vmi.MemoryBytes);
            chooser.Taken(target, item);
            budgets?.Take(i, restart: false);
            return index.Candidate(target).Name;
        });

        foreach (var (i, target) in started)
        {
            ref var status = ref table[i];
            var item = plan.Items[i];
            var postCopy = status.PostCopy || StartsInPostCopy(item, ref status, state.Policy);
            actions.Add(new StartMigration(status.Vmi, status.NextAttempt,
                MigrationNaming.VmimName(state.DrainId, status.Vmi.Uid, status.NextAttempt), item.Wave,
                status.Vmi.NodeName, target, postCopy)
            {
                Budgets = budgets?.Of(i) ?? [],
                PostCopyFirstPass = postCopy ? item.FirstPass : null,
            });
        }

        var wakeAt = tally.WakeAt;
        if (selection.Deferred is { } deferred && (wakeAt is null || deferred < wakeAt))
        {
            wakeAt = deferred;
        }

        if (targets.IsValueCreated && targets.Value.Chooser.Deferred is { } receiver && (wakeAt is null || receiver < wakeAt))
        {
            wakeAt = receiver;
        }

        return new SchedulerDecision(actions, wakeAt, tally.GivenUp, withoutTarget, tally.InFlight + started.Count, tally.Remaining,
            tally.Moved, counters.Cluster)
        {
            HeldBack = heldBack,
            HeldByBudget = heldByBudget,
        };
    }

    // A first attempt the plan starts in post-copy, unless a label forbidding post-copy was put on the VMI since the plan.
    private static bool StartsInPostCopy(PlannedVmi item, ref ItemStatus status, DrainPolicy policy) =>
        status.Retry is null && item.StartsInPostCopy && policy.Failure.FindPostCopyForbiddingLabel(status.Vmi.Labels) is null;

    // Inside a window, only the candidates predicted (pessimistically) to end before it closes; the others are held back.
    private static List<int> Admitted(List<int> candidates, PlanIndex plan, WindowAdmission? window, DateTimeOffset now, List<PlannedVmi> heldBack)
    {
        if (window is null)
        {
            return candidates;
        }

        var admitted = new List<int>(candidates.Count);
        foreach (var i in candidates)
        {
            if (window.Admits(plan.Items[i], now))
            {
                admitted.Add(i);
            }
            else
            {
                heldBack.Add(plan.Items[i]);
            }
        }

        return admitted;
    }

    // The slowest NIC among the nodes that may receive (not drained by this drain or another); 0 when one is unknown.
    private static long SlowestReceiverNic(SchedulerState state, PlanIndex plan)
    {
        var slowest = long.MaxValue;
        foreach (var node in state.Cluster.Nodes)
        {
            if (!plan.Drained.Contains(node.Name) && (state.OtherDrainingNodes is null || !state.OtherDrainingNodes.Contains(node.Name)))
            {
                slowest = Math.Min(slowest, node.NicBandwidthBytesPerSecond ?? 0);
            }
        }

        return slowest;
    }

    // Targets never include a node being drained, by this drain or another.
    private static (PlacementIndex, TargetChooser) Targets(
        SchedulerState state, PlanIndex plan, FlightCounters counters, List<int> candidates, NicTimeline timeline, DateTimeOffset now)
    {
        var excluded = plan.Drained;
        if (state.OtherDrainingNodes is not null)
        {
            excluded = new HashSet<string>(plan.Drained, StringComparer.Ordinal);
            excluded.UnionWith(state.OtherDrainingNodes);
        }

        var index = new PlacementIndex(state.Cluster.Nodes, excluded, counters.ReservedMemory);
        return (index, new TargetChooser(index, counters, state.Policy.MaxInboundPerNode, state.TargetPreference,
            SourceNics.Of(state, plan, counters), state.Policy.CostModel.AssumedNicBandwidthBytesPerSecond,
            ConstrainedDemand.Of(candidates, plan), timeline, now));
    }

    // Migrations that may start now, longest first: eligible, not migrated by anyone else at the moment, not waiting for a
    // sibling (SchedulerState.Waiting), and in barrier mode only those of the earliest wave that still has unfinished work.
    private static List<int> Candidates(ItemTable table, PlanIndex plan, DrainPolicy policy, FlightCounters counters, Tally tally,
        IReadOnlySet<string>? waiting)
    {
        var barrier = policy.WaveMode == WaveMode.Barrier;
        var migrating = MigratingItems(plan, counters);
        var candidates = new List<int>(tally.Remaining);
        foreach (var i in plan.MigrationOrder)
        {
            ref var status = ref table[i];
            if (status.State == ItemState.Eligible
                && (!barrier || plan.Items[i].Wave == tally.EarliestOpenWave)
                && (waiting is null || waiting.Count == 0 || !waiting.Contains(plan.Items[i].Vmi.Uid))
                && !IsMigrating(i, ref status, plan, counters, migrating))
            {
                candidates.Add(i);
            }
        }

        return candidates;
    }

    // The items whose planned VMI (namespace/name) has an unfinished migration: a handful, found by name.
    private static HashSet<int> MigratingItems(PlanIndex plan, FlightCounters counters)
    {
        var items = new HashSet<int>();
        foreach (var name in counters.MigratingVmis)
        {
            for (var i = plan.LastIndexOfQualifiedName(name); i >= 0; i = plan.PreviousSameQualifiedName[i])
            {
                items.Add(i);
            }
        }

        return items;
    }

    private static bool IsMigrating(int i, ref ItemStatus status, PlanIndex plan, FlightCounters counters, HashSet<int> migrating)
    {
        var planned = plan.Items[i].Vmi;
        var vmi = status.Vmi;
        return ReferenceEquals(vmi, planned)
            || (string.Equals(vmi.Namespace, planned.Namespace, StringComparison.Ordinal) && string.Equals(vmi.Name, planned.Name, StringComparison.Ordinal))
            ? migrating.Contains(i)
            : counters.MigratingVmis.Contains(vmi.QualifiedName);
    }
}
