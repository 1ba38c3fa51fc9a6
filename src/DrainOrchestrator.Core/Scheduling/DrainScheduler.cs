using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Decides what starts next and where, on every event (a migration finished or failed, a slot freed, a timer). Pure:
/// the same state and time give the same actions, so the engine can replay it and the benchmark can run it in virtual
/// time. Never more in flight than the cluster limit or per source than the per-node limit, counting VMIMs the
/// orchestrator did not create; never more inbound per target than the inbound limit; never a target being drained.
/// A source's next migration starts when its NIC is predicted to be free by the time the new target is ready; until
/// then its slot is left to other sources and <see cref="SchedulerDecision.WakeAt"/> says when to ask again.
/// </summary>
public static class DrainScheduler
{
    /// <summary>The actions to take at <paramref name="now"/> and when to be called again without an event.</summary>
    public static SchedulerDecision Decide(SchedulerState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var policy = state.Policy;
        var planByUid = new Dictionary<string, PlannedVmi>(StringComparer.Ordinal);
        foreach (var item in state.Plan.Items)
        {
            planByUid[item.Vmi.Uid] = item;
        }

        var views = ItemStates.Compute(state, now);
        var givenUp = views.Where(v => v.State == ItemState.GivenUp)
            .Select(v => new GiveUpNotice(v.Item, v.NextAttempt - 1, v.Reason!)).ToList();
        var inFlight = views.Count(v => v.State == ItemState.InFlight);
        var remaining = views.Count(v => v.State is ItemState.InFlight or ItemState.Eligible or ItemState.Waiting);
        var moved = views.Count(v => v.State == ItemState.Done);
        var waiting = views.Where(v => v.State == ItemState.Waiting).Select(v => v.NotBefore).DefaultIfEmpty().Min();
        DateTimeOffset? wakeAt = waiting == default ? null : waiting;
        if (state.Paused)
        {
            return new SchedulerDecision([], null, givenUp, [], inFlight, remaining, moved,
                FlightCounters.Build(state, planByUid).Cluster);
        }

        var actions = new List<SchedulerAction>();
        foreach (var view in views.Where(v => v.State == ItemState.Eligible && v.Item.Disposition == PlanDisposition.Restart))
        {
            actions.Add(new RestartElsewhere(view.Vmi, view.NextAttempt,
                MigrationNaming.VmimName(state.DrainId, view.Vmi.Uid, view.NextAttempt), view.Item.Wave));
        }

        var counters = FlightCounters.Build(state, planByUid);
        var excluded = new HashSet<string>(state.Plan.Nodes, StringComparer.Ordinal);
        if (state.OtherDrainingNodes is not null)
        {
            excluded.UnionWith(state.OtherDrainingNodes);
        }

        var index = new PlacementIndex(state.Cluster.Nodes, excluded, counters.ReservedMemory);
        var candidates = Candidates(views, policy, counters);
        var withoutTarget = new List<PlannedVmi>();
        var selection = new SourceSelection(counters, NicTimeline.Build(state, planByUid, now), policy);
        var started = selection.Fill(candidates, view =>
        {
            var target = TargetChooser.Choose(view, index, counters, policy.MaxInboundPerNode, state.LaterDrainNodes);
            if (target is null)
            {
                withoutTarget.Add(view.Item);
                return null;
            }

            index.Reserve(target.Name, view.Vmi.MemoryBytes);
            return target.Name;
        });

        foreach (var (view, target) in started)
        {
            actions.Add(new StartMigration(view.Vmi, view.NextAttempt,
                MigrationNaming.VmimName(state.DrainId, view.Vmi.Uid, view.NextAttempt), view.Item.Wave,
                view.Source, target, view.PostCopy));
        }

        if (selection.Deferred is { } deferred && (wakeAt is null || deferred < wakeAt))
        {
            wakeAt = deferred;
        }

        return new SchedulerDecision(actions, wakeAt, givenUp, withoutTarget, inFlight + started.Count, remaining, moved,
            counters.Cluster);
    }

    // Migrations that may start now: eligible, not migrated by anyone else at the moment, and in barrier mode only
    // those of the earliest wave that still has unfinished work.
    private static List<ItemView> Candidates(List<ItemView> views, DrainPolicy policy, FlightCounters counters)
    {
        var migrations = views.Where(v => v.Item.Disposition == PlanDisposition.Migrate).ToList();
        var wave = int.MaxValue;
        if (policy.WaveMode == WaveMode.Barrier)
        {
            foreach (var view in migrations)
            {
                if (view.State is ItemState.InFlight or ItemState.Eligible or ItemState.Waiting)
                {
                    wave = Math.Min(wave, view.Item.Wave);
                }
            }
        }

        return migrations
            .Where(v => v.State == ItemState.Eligible
                && (policy.WaveMode == WaveMode.Rolling || v.Item.Wave == wave)
                && !counters.MigratingVmis.Contains(v.Vmi.QualifiedName))
            .ToList();
    }
}
