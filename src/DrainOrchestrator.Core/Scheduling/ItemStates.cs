using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Derives every planned VMI's state from the journaled attempts and the cluster, nothing else.</summary>
internal static class ItemStates
{
    /// <summary>The state of every item that migrates or restarts; the caller disposes the table.</summary>
    public static ItemTable Compute(SchedulerState state, PlanIndex plan, DateTimeOffset now)
    {
        var table = new ItemTable(plan.Items.Length);
        try
        {
            var planned = state.PlannedVmis is { } list && list.Count == table.Count ? list : null;
            if (planned is not null)
            {
                for (var i = 0; i < table.Count; i++)
                {
                    table[i].Vmi = planned[i]!;
                }
            }
            else
            {
                FindVmis(table, state.Cluster.Vmis, plan);
            }

            GatherAttempts(table, state.Attempts, plan);
            var memo = planned is null ? null : state.Memo;
            if (memo is not null && !memo.Fits(plan.Structure, state.Policy.Failure, table.Count))
            {
                memo.Reset(plan.Structure, state.Policy.Failure, table.Count);
            }

            var kept = 0;
            for (var i = 0; i < table.Count; i++)
            {
                var item = plan.Items[i];
                if (item.Disposition is not (PlanDisposition.Migrate or PlanDisposition.Restart))
                {
                    continue;
                }

                var alone = plan.LastSameUid[i] == i && plan.PreviousSameUid[i] < 0;
                if (memo is not null && alone && Unchanged(ref table[i], memo, i))
                {
                    table[i] = memo.Statuses[i];
                    if (memo.Landed[i] is { } landed)
                    {
                        (table.Landed ??= []).Add(landed);
                    }

                    kept++;
                    continue;
                }

                var input = table[i].Vmi;
                View(i, ref table[i], ref table[plan.LastSameUid[i]], item.Vmi, plan, state, now);
                var landedNow = plan.LastSameUid[i] == i ? NoteLanded(table, ref table[i]) : null;
                if (memo is not null && alone)
                {
                    (memo.Statuses[i], memo.Inputs[i], memo.Landed[i]) = (table[i], input, landedNow);
                }
            }

            if (memo is not null)
            {
                memo.LastKept = kept;
            }

            return table;
        }
        catch
        {
            table.Dispose();
            throw;
        }
    }

    // Whether the item's state as the memo has it still holds: the same VMI instance, the same attempts, and a state
    // that no passing time changes (only Waiting turns Eligible when its back-off ends).
    private static bool Unchanged(ref ItemStatus gathered, DecisionMemo memo, int i)
    {
        ref var was = ref memo.Statuses[i];
        if (!was.Movable || was.State == ItemState.Waiting || !ReferenceEquals(gathered.Vmi, memo.Inputs[i]))
        {
            return false;
        }

        var now = gathered.Attempts;
        var then = was.Attempts;
        if (now is null || then is null)
        {
            return now is null && then is null && Same(gathered.FirstAttempt, was.FirstAttempt);
        }

        if (now.Count != then.Count)
        {
            return false;
        }

        for (var a = 0; a < now.Count; a++)
        {
            if (!Same(now[a], then[a]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(MigrationAttempt? a, MigrationAttempt? b) => ReferenceEquals(a, b) || (a is not null && a.Equals(b));

    // Each item's VMI as the cluster shows it (the last one listed when a uid repeats); null when it is gone.
    private static void FindVmis(ItemTable table, IReadOnlyList<VmiSnapshot> vmis, PlanIndex plan)
    {
        var filter = plan.UidFilter;
        for (var v = 0; v < vmis.Count; v++)
        {
            var vmi = vmis[v];
            if (!filter.MayContain(vmi.Uid))
            {
                continue;
            }

            for (var i = plan.LastIndexOf(vmi.Uid); i >= 0; i = plan.PreviousSameUid[i])
            {
                table[i].Vmi = vmi;
            }
        }
    }

    // The attempts of each uid, kept with the last item of that uid, in journal order.
    private static void GatherAttempts(ItemTable table, IReadOnlyList<MigrationAttempt> attempts, PlanIndex plan)
    {
        for (var a = 0; a < attempts.Count; a++)
        {
            var attempt = attempts[a];
            var i = plan.LastIndexOf(attempt.VmiUid);
            if (i < 0)
            {
                continue;
            }

            ref var status = ref table[i];
            if (status.FirstAttempt is null)
            {
                status.FirstAttempt = attempt;
            }
            else
            {
                status.Attempts ??= [status.FirstAttempt];
                status.Attempts.Add(attempt);
            }
        }
    }

    // A succeeded migration whose VMI is still listed on its source (ItemTable.Landed), added to the table and returned.
    // Only for the last item of a uid, which holds its attempts (GatherAttempts), sorted by View.
    private static (string Target, long MemoryBytes)? NoteLanded(ItemTable table, ref ItemStatus status)
    {
        if (status.State != ItemState.Done || status.Source < 0)
        {
            return null;
        }

        var last = status.Attempts is { } all ? all[^1] : status.FirstAttempt;
        if (last is { Status: AttemptStatus.Succeeded, Kind: AttemptKind.Migration, TargetNode: { } target }
            && string.Equals(status.Vmi.NodeName, last.SourceNode, StringComparison.Ordinal))
        {
            var landed = (target, status.Vmi.MemoryBytes);
            (table.Landed ??= []).Add(landed);
            return landed;
        }

        return null;
    }

    private static void View(int index, ref ItemStatus status, ref ItemStatus withAttempts, VmiSnapshot planned, PlanIndex plan,
        SchedulerState state, DateTimeOffset now)
    {
        var vmi = status.Vmi;
        var attempts = withAttempts.Attempts;
        attempts?.Sort((a, b) => a.Number.CompareTo(b.Number));
        var last = attempts is not null ? attempts[^1] : withAttempts.FirstAttempt;
        status.Movable = true;
        status.Vmi = vmi ?? planned;
        status.NextAttempt = (last?.Number ?? 0) + 1;
        status.Source = vmi is null ? -1 : plan.SourceOf(index, vmi.NodeName);
        if (last?.Status == AttemptStatus.InFlight)
        {
            status.State = ItemState.InFlight;
        }
        else if (vmi is null && last?.Status != AttemptStatus.Failed)
        {
            // The VMI no longer exists.
            status.State = ItemState.Done;
        }
        else if (last?.Status == AttemptStatus.Succeeded || (vmi is not null && status.Source < 0))
        {
            status.State = ItemState.Done;
        }
        else if (last is null)
        {
            status.State = ItemState.Eligible;
        }
        else
        {
            var decision = FailureDecider.Decide(attempts ?? [last], vmi, state.Policy.Failure);
            status.Retry = decision;
            status.State = decision.Verdict == FailureVerdict.GiveUp ? ItemState.GivenUp
                : decision.NotBefore <= now ? ItemState.Eligible
                : ItemState.Waiting;
        }
    }
}
