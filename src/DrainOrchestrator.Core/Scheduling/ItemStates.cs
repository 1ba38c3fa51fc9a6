using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Derives every planned VMI's state from the journaled attempts and the cluster, nothing else.</summary>
internal static class ItemStates
{
    public static List<ItemView> Compute(SchedulerState state, DateTimeOffset now)
    {
        var drained = new HashSet<string>(state.Plan.Nodes, StringComparer.Ordinal);
        var vmiByUid = new Dictionary<string, VmiSnapshot>(StringComparer.Ordinal);
        foreach (var vmi in state.Cluster.Vmis)
        {
            vmiByUid[vmi.Uid] = vmi;
        }

        var attemptsByUid = new Dictionary<string, List<MigrationAttempt>>(StringComparer.Ordinal);
        foreach (var attempt in state.Attempts)
        {
            if (!attemptsByUid.TryGetValue(attempt.VmiUid, out var list))
            {
                list = [];
                attemptsByUid[attempt.VmiUid] = list;
            }

            list.Add(attempt);
        }

        var views = new List<ItemView>();
        foreach (var item in state.Plan.Items)
        {
            if (item.Disposition is PlanDisposition.Migrate or PlanDisposition.Restart)
            {
                var attempts = attemptsByUid.GetValueOrDefault(item.Vmi.Uid);
                attempts?.Sort((a, b) => a.Number.CompareTo(b.Number));
                views.Add(View(item, vmiByUid.GetValueOrDefault(item.Vmi.Uid), attempts, drained, state, now));
            }
        }

        return views;
    }

    private static ItemView View(
        PlannedVmi item, VmiSnapshot? vmi, List<MigrationAttempt>? attempts, HashSet<string> drained,
        SchedulerState state, DateTimeOffset now)
    {
        var last = attempts is { Count: > 0 } ? attempts[^1] : null;
        var next = (last?.Number ?? 0) + 1;
        var current = vmi ?? item.Vmi;
        if (last?.Status == AttemptStatus.InFlight)
        {
            return new ItemView(item, current, ItemState.InFlight, next, last.PostCopy, [], now, null);
        }

        if (vmi is null && last?.Status != AttemptStatus.Failed)
        {
            return new ItemView(item, current, ItemState.Done, next, false, [], now, "the VMI no longer exists");
        }

        if (last?.Status == AttemptStatus.Succeeded || (vmi is not null && !drained.Contains(vmi.NodeName)))
        {
            return new ItemView(item, current, ItemState.Done, next, false, [], now, null);
        }

        if (last is null)
        {
            return new ItemView(item, current, ItemState.Eligible, next, false, [], now, null);
        }

        var decision = FailureDecider.Decide(attempts!, vmi, state.Policy.Failure);
        if (decision.Verdict == FailureVerdict.GiveUp)
        {
            return new ItemView(item, current, ItemState.GivenUp, next, false, [], decision.NotBefore, decision.Reason);
        }

        var ready = decision.NotBefore <= now;
        return new ItemView(item, current, ready ? ItemState.Eligible : ItemState.Waiting, next, decision.UsePostCopy,
            decision.AvoidTargets, decision.NotBefore, decision.Reason);
    }
}
