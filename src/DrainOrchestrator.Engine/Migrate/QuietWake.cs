using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Tells the migrate loop when a pass woken by a cluster change can go back to waiting. A decision is a function of the
/// snapshot, the attempts, the drain's state and the time; a pass that decided to do nothing waits until a cluster
/// change or its earliest timer (the decision's wake-up, a Lease renewal, a window edge, a deferred create, the
/// heartbeat). A later pass whose read left the snapshot the same instance (<see cref="SnapshotCache.LastMoved"/>: only
/// an annotation nobody reads or a status field the snapshot does not carry changed), whose changes touched no VMI of
/// the plan and no VMIM, node or cluster-wide object, with the attempts and the drain's state as they were and no timer
/// due, would decide the same nothing. So a cluster whose other VMIs change hundreds of times a second costs the drain
/// a snapshot read per wake-up, not a decision; a pass still decides at least once a heartbeat.
/// </summary>
internal sealed class QuietWake
{
    private Point? _point;

    /// <summary>The pass whose decision a quiet pass stands on.</summary>
    public long DecidedPass => _point?.Pass ?? 0;

    /// <summary>When the decision of that pass wants to be asked again.</summary>
    public DateTimeOffset? WakeAt => _point?.WakeAt;

    /// <summary>
    /// After a pass that decided: the point later passes compare with when its decision started nothing, or none.
    /// <paramref name="records"/>: the attempts' version the decision read (a write after it makes the next pass decide);
    /// <paramref name="until"/>: the earliest timer the loop's wait fires on.
    /// </summary>
    public void Settle(long pass, ClusterSnapshot snapshot, long records, DrainState? state, bool didNothing, DateTimeOffset? wakeAt,
        DateTimeOffset until) =>
        _point = didNothing ? new Point(pass, snapshot, records, state, until, wakeAt) : null;

    /// <summary>Forgets the point: the next pass decides.</summary>
    public void Forget() => _point = null;

    /// <summary>
    /// Whether the pass that read <paramref name="snapshot"/> after <paramref name="changes"/> would decide as the
    /// settled pass did. <paramref name="busy"/>: the loop has work of its own (recovering, holding, a create unconfirmed
    /// or deferred, a state change to act on); <paramref name="planned"/>: whether a VMI key is the plan's.
    /// </summary>
    public bool Holds(ClusterSnapshot snapshot, ClusterChanges? changes, Func<string, bool> planned, long records, DrainState? state,
        DateTimeOffset now, bool busy)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (busy || _point is not { } point || point.Records != records || point.State != state || !ReferenceEquals(snapshot, point.Snapshot)
            || now >= point.Until || changes is not { All: false }
            || changes.Migrations.Count > 0 || changes.Nodes.Count > 0 || changes.Others.Count > 0)
        {
            return false;
        }

        return !changes.Vmis.Any(planned) && !changes.VirtualMachines.Any(planned);
    }

    private sealed record Point(long Pass, ClusterSnapshot Snapshot, long Records, DrainState? State, DateTimeOffset Until, DateTimeOffset? WakeAt);
}
