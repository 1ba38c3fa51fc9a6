using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Fills free slots. Each slot goes to the source node with the most remaining work that still has an outbound slot and
/// whose NIC will be free by the time a new target is ready (<see cref="NicTimeline"/>), and takes that node's longest
/// migration: long migrations bound the makespan, and starting just in time overlaps a target's start-up with the
/// previous transfer instead of splitting the NIC between two transfers. A migration that needs the whole NIC is timed
/// the same way, so its transfer does not overlap another out of the same node. A source that is not ready is left for
/// later (its slot may go to another source meanwhile) and reported in <see cref="Deferred"/> with the time to ask again.
/// Within a source, the migrations that only a few receivers admit come first (critical-path priority); one whose
/// receivers are busy waits (the target chooser says so) and the source's next migration takes the slot.
/// </summary>
/// <remarks>
/// When no source is ready, a free slot of a source whose NIC is busy may still take a short migration that shares the
/// NIC (<see cref="SlotFiller"/>), when its predicted cost (the guests in flight re-dirty pages while their share is
/// smaller) is below the slot time it saves, and it ends about when the source's next just-in-time start is due; or, on
/// a source bound by its own slots (its NIC has slack, the cluster limit cannot bind), when the slot would otherwise
/// idle longer than sharing costs, even if it ends later.
/// Filling every idle slot regardless of that cost was measured and rejected (bench/results/summary.md, scenario a).
/// While the cluster limit binds, a source's last starts (all fit in its free slots) may also fill a slot the wait would
/// idle, when sharing costs less than the wait. A ready source bound by its own slots takes the candidate that ends its
/// drain soonest (<see cref="SlotBalance"/>) rather than always its longest. The last free cluster slots wait for
/// sources due within a start-up whose work left (their NIC's queue and candidates, or their candidates' slot time)
/// exceeds the ready source's by more than the wait: that source is the drain's critical path (measured on the
/// generated family j under 5/2: mean 1.127 to 1.106 of the bound, worst 1.245 to 1.199). In a small drain whose
/// inputs are known, what these rules choose for a free cluster slot stands unless playing the drain forward from
/// another choice ends it sooner (<see cref="RolloutChoice"/>).
/// </remarks>
internal sealed class SourceSelection(
    FlightCounters counters, Func<NicTimeline> nicTimeline, DrainPolicy policy, PlanIndex plan, Func<long> slowestReceiverNic)
{
    // Sources with a free slot that the last NextReady found due within a start-up from now (HoldsFor).
    private readonly List<(int Source, DateTimeOffset DueAt)> _dueSoon = [];

    /// <summary>Since when a cluster slot has been free (<see cref="SchedulerState.SlotFreeSince"/>); null when not known.</summary>
    public DateTimeOffset? SlotFreeSince { get; init; }

    /// <summary>The earliest time a source left for later becomes ready; null when none was.</summary>
    public DateTimeOffset? Deferred { get; private set; }

    /// <summary>
    /// Starts candidates (item indices in <see cref="PlanIndex.MigrationOrder"/>, so each source's come longest first)
    /// while slots are free; returns the started items and their targets.
    /// </summary>
    public List<(int Item, string Target)> Fill(ItemTable table, List<int> candidates, Func<int, string?> chooseTarget)
    {
        var started = new List<(int, string)>();
        if (counters.Cluster >= policy.MaxParallelMigrations || candidates.Count == 0)
        {
            return started;
        }

        var nics = nicTimeline();
        var queues = new SourceQueues(plan.DrainedNames.Length, plan.Items.Length);
        try
        {
            // Those only a few receivers admit first: their receivers are the critical path (they wait while it is busy).
            foreach (var item in candidates)
            {
                if (plan.Items[item].ConstrainedTargets is not null)
                {
                    queues.Append(table[item].Source, item, plan.Items);
                }
            }

            foreach (var item in candidates)
            {
                if (plan.Items[item].ConstrainedTargets is null)
                {
                    queues.Append(table[item].Source, item, plan.Items);
                }
            }

            var rotation = Rotation(queues, nics);
            var rollout = RolloutChoice.For(queues, nics, counters, plan, policy, slowestReceiverNic());
            while (counters.Cluster < policy.MaxParallelMigrations)
            {
                int chosen;
                int source;
                if (NextStart(queues, nics, rotation, rollout) is { } start)
                {
                    (source, chosen) = start;
                    queues.Remove(source, chosen, plan.Items);
                }
                else if (NextFiller(queues, nics) is { } filler)
                {
                    (source, chosen) = filler;
                    queues.Remove(source, chosen, plan.Items);
                }
                else
                {
                    break;
                }

                if (chooseTarget(chosen) is not { } target)
                {
                    continue;
                }

                var name = plan.DrainedNames[source];
                var item = plan.Items[chosen];
                counters.Add(name, target, table[chosen].Vmi.MemoryBytes, item.NeedsDedicatedBandwidth);
                nics.Start(name, target, item);
                started.Add((chosen, target));
            }
        }
        finally
        {
            queues.Dispose();
        }

        return started;
    }

    private LongTransferRotation? Rotation(SourceQueues queues, NicTimeline nics)
    {
        var sources = new List<(string, IEnumerable<int>)>(queues.Active.Count);
        foreach (var source in queues.Active)
        {
            sources.Add((plan.DrainedNames[source], queues.Items(source)));
        }

        return LongTransferRotation.For(nics, sources, plan.Items, policy.MaxParallelMigrations, policy.MaxOutboundPerNode);
    }

    // The source's longest candidate, unless it would put the source into a long transfer while enough others are in
    // one (LongTransferRotation): then its longest candidate that does not, if any. On a source bound by its own slots,
    // the candidate whose start now ends its drain soonest (SlotBalance).
    private int Pick(SourceQueues queues, int source, LongTransferRotation? rotation)
    {
        var name = plan.DrainedNames[source];
        if (rotation is null || !rotation.WouldBeLong(name, plan.Items[queues.Head(source)])
            || rotation.AllowsLong(name, queues.Active.Select(s => plan.DrainedNames[s])))
        {
            if (NodeSlotsBind(queues) && queues.Count(source) <= SlotBalance.MaxCandidates
                && SlotBalance.Choose(name, counters.Outbound(name), queues.Items(source).ToList(), plan.Items, nicTimeline(),
                    policy.MaxOutboundPerNode, slowestReceiverNic()) is { } balanced)
            {
                return balanced;
            }

            return queues.Head(source);
        }

        foreach (var item in queues.Items(source))
        {
            if (!rotation.WouldBeLong(name, plan.Items[item]))
            {
                return item;
            }
        }

        return queues.Head(source);
    }

    // The ready source's start by the rules above (none when the slot waits for a busier source due soon), unless the
    // drain played forward (RolloutChoice) ends sooner with another start, or with none yet.
    private (int Source, int Item)? NextStart(SourceQueues queues, NicTimeline nics, LongTransferRotation? rotation, RolloutChoice? rollout)
    {
        if (NextReady(queues, nics) is not { } ready)
        {
            return null;
        }

        RolloutChoice.Choice rule = HoldsFor(queues, nics, ready) ? new(-1, -1) : new(ready, Pick(queues, ready, rotation));
        var choice = rollout is not null && !NodeSlotsBind(queues)
            ? rollout.Choose(queues, nics, rule, source => Pick(queues, source, rotation))
            : rule;
        return choice.Holds ? null : (choice.Source, choice.Item);
    }

    // The busiest source with a free slot whose NIC is ready; sources that are not ready yet are noted as deferred. One
    // that became due while a cluster slot was free (a late pass) goes first, in the order they became due: the schedule
    // then does not depend on how late the pass ran (drain-sim at speed 20 makes a pass twenty times longer in its time).
    private int? NextReady(SourceQueues queues, NicTimeline nics)
    {
        _dueSoon.Clear();
        var best = -1;
        var bestDue = DateTimeOffset.MaxValue;
        foreach (var source in queues.Active)
        {
            var name = plan.DrainedNames[source];
            if (counters.Outbound(name) >= policy.MaxOutboundPerNode)
            {
                continue;
            }

            // One walk of the source's NIC queue: due now or before is ready (NicTimeline.IsReady), later is deferred.
            var dueSince = nics.DueSince(name);
            if (dueSince > nics.Now)
            {
                Deferred = Deferred is { } d && d <= dueSince ? d : dueSince;
                if (dueSince <= nics.Now + nics.Startup)
                {
                    _dueSoon.Add((source, dueSince));
                }

                continue;
            }

            var due = Missed(dueSince, nics.Now);
            if (best < 0 || due < bestDue || (due == bestDue && IsBusier(queues, source, best)))
            {
                best = source;
                bestDue = due;
            }
        }

        return best < 0 ? null : best;
    }

    // Whether the cluster's free slots should wait for sources that become due within a start-up and hold more work than
    // the ready one even after that wait: a migration started now holds its slot past their due time, and the source
    // with the most work left is the drain's critical path (it ends last if it waits for a slot), while the ready one
    // has the slack to take a later slot.
    private bool HoldsFor(SourceQueues queues, NicTimeline nics, int ready)
    {
        if (_dueSoon.Count == 0)
        {
            return false;
        }

        var free = policy.MaxParallelMigrations - counters.Cluster;
        var readyLeft = Remaining(queues, nics, ready);
        var contenders = 0;
        foreach (var (source, dueAt) in _dueSoon)
        {
            if (Remaining(queues, nics, source) - (dueAt - nics.Now).TotalSeconds > readyLeft)
            {
                contenders++;
            }
        }

        return contenders >= free;
    }

    // The shortest time, in seconds, in which the source could send what is queued on its NIC and its candidates, one
    // after another at its NIC's rate, or run its candidates' start-ups and transfers in its own slots.
    private double Remaining(SourceQueues queues, NicTimeline nics, int source)
    {
        var name = plan.DrainedNames[source];
        var nic = (nics.FreeAt(name) - nics.Now).TotalSeconds + (queues.Bytes(source) / Math.Max(1, nics.Nic(name)));
        var slots = TimeSpan.FromTicks(queues.Work(source)).TotalSeconds / policy.MaxOutboundPerNode;
        return Math.Max(nic, slots);
    }

    // When a ready source became due, if that was strictly between the time since which a cluster slot has been free and
    // now; otherwise now. A source due before it was not started then for a reason this decision does not date (no
    // receiver, a budget), and without a slot free since a known time, when a slot freed is not known: it competes as of
    // now, like one that becomes due now.
    private DateTimeOffset Missed(DateTimeOffset dueSince, DateTimeOffset now) =>
        SlotFreeSince is { } previous && dueSince > previous && dueSince < now ? dueSince : now;

    // A short migration to start in a slot that just-in-time starting leaves idle (SlotFiller): the one that saves the
    // most, over the sources with a free slot whose NIC is not ready. It may not take a cluster slot that another
    // source's just-in-time start needs before it ends.
    private (int Source, int Item)? NextFiller(SourceQueues queues, NicTimeline nics)
    {
        if (policy.MaxOutboundPerNode < 2)
        {
            return null;
        }

        var nodeSlotsBind = NodeSlotsBind(queues);
        (int Source, int Item, double Gain, DateTimeOffset EndsAt)? best = null;
        foreach (var source in queues.Active)
        {
            var name = plan.DrainedNames[source];
            if (counters.Outbound(name) >= policy.MaxOutboundPerNode || nics.IsReady(name))
            {
                continue;
            }

            var readyAt = nics.ReadyAt(name);
            var slack = nodeSlotsBind
                ? SlotFiller.NicSlack(name, counters.Outbound(name), queues.Items(source).Select(i => plan.Items[i]), nics, policy.MaxOutboundPerNode)
                : 0;
            // Its last starts while the cluster limit binds: the cluster slot the wait would idle is lost to the drain.
            var last = !nodeSlotsBind && counters.Outbound(name) + queues.Count(source) <= policy.MaxOutboundPerNode;
            foreach (var item in queues.Items(source))
            {
                if (SlotFiller.Gain(plan.Items[item], name, readyAt, nics, policy.MaxOutboundPerNode, slack, last) is { } gain
                    && (best is null || gain > best.Value.Gain))
                {
                    best = (source, item, gain, nics.Now + plan.Items[item].Estimate.Duration);
                }
            }
        }

        if (best is not { } chosen)
        {
            return null;
        }

        var needed = 0;
        foreach (var other in queues.Active)
        {
            var name = plan.DrainedNames[other];
            if (other != chosen.Source && counters.Outbound(name) < policy.MaxOutboundPerNode && nics.ReadyAt(name) <= chosen.EndsAt)
            {
                needed++;
            }
        }

        return policy.MaxParallelMigrations - counters.Cluster - 1 >= needed ? (chosen.Source, chosen.Item) : null;
    }

    // Whether every source with candidates could fill all its slots within the cluster limit: only then is a slot a
    // source leaves idle lost to the drain (otherwise another source may take it), a slot-bound source's NIC slack worth
    // spending on a filler, and the balance of its own slots what ends its drain.
    private bool NodeSlotsBind(SourceQueues queues)
    {
        var demand = counters.Cluster;
        foreach (var source in queues.Active)
        {
            demand += Math.Max(0, policy.MaxOutboundPerNode - counters.Outbound(plan.DrainedNames[source]));
        }

        return demand <= policy.MaxParallelMigrations;
    }

    private bool IsBusier(SourceQueues queues, int source, int than) =>
        queues.Work(source) > queues.Work(than)
        || (queues.Work(source) == queues.Work(than) && string.CompareOrdinal(plan.DrainedNames[source], plan.DrainedNames[than]) < 0);
}
