using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// What the last decision derived for each planned VMI, kept by a caller that decides again and again on the same plan
/// (the engine's migrate loop) and handed in with <see cref="SchedulerState.Memo"/>: an item whose VMI (the same
/// <see cref="SchedulerState.PlannedVmis"/> instance) and attempts (the same, by instance or by value) did not change
/// keeps its state, unless that state waits for a time to pass. So a decision reads the unchanged items' inputs by
/// reference instead of deriving every item's state again. A decision with a memo equals one without.
/// Not thread-safe: one per caller.
/// </summary>
public sealed class DecisionMemo
{
    internal object? Plan { get; private set; }

    internal FailurePolicy? Failure { get; private set; }

    internal ItemStatus[] Statuses { get; private set; } = [];

    internal VmiSnapshot?[] Inputs { get; private set; } = [];

    internal (string Target, long MemoryBytes)?[] Landed { get; private set; } = [];

    /// <summary>How many items the last decision took from the memo.</summary>
    public int LastKept { get; internal set; }

    // Whether the memo describes decisions on this plan index and failure policy, with this many items.
    internal bool Fits(object plan, FailurePolicy failure, int count) =>
        ReferenceEquals(Plan, plan) && (ReferenceEquals(Failure, failure) || Equals(Failure, failure)) && Statuses.Length == count;

    // Starts describing a plan index (a new index, a new policy): every item is derived again.
    internal void Reset(object plan, FailurePolicy failure, int count)
    {
        (Plan, Failure) = (plan, failure);
        if (Statuses.Length != count)
        {
            (Statuses, Inputs, Landed) = (new ItemStatus[count], new VmiSnapshot?[count], new (string, long)?[count]);
        }
        else
        {
            Array.Clear(Statuses);
            Array.Clear(Inputs);
            Array.Clear(Landed);
        }
    }
}
