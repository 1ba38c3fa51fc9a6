using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>The loop's side of <see cref="QuietWake"/>: passes woken only by changes the decision does not read.</summary>
internal sealed partial class MigrationLoop
{
    private readonly QuietWake _quiet = new();

    private bool IsQuiet(ClusterSnapshot snapshot, DrainState? drainState, bool recovering, bool holding, DateTimeOffset now)
    {
        var busy = recovering || holding || _stateMoved || NetworkFailure is not null || _created.Count > 0 || _deferred.Count > 0
            || _unrecorded.Count > 0 || _memory.Stale;
        return _quiet.Holds(snapshot, _snapshots.LastChanges, _plannedVmis.Plans, _memory.Version, drainState, now, busy);
    }

    private void Settle(ClusterSnapshot snapshot, long records, DrainState? drainState, SchedulerDecision decision, int unstarted, bool holding,
        DateTimeOffset now) =>
        _quiet.Settle(_passes, snapshot, records, drainState, !holding && decision.Actions.Count == 0 && unstarted == 0 && !decision.IsComplete,
            decision.WakeAt, now + WaitDelay(now, decision.WakeAt));
}
