namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// When a supervisor first saw each pending item, on the process's own clock: the job enqueued for the item starts when
/// a Hangfire worker fetches it, in seconds of that clock whatever the engine's clock does. A server whose engine clock
/// runs fast (drain-sim at speed 4 and <c>DRAIN_CLOCK_SPEED</c>) would otherwise find a pending item older than its grace
/// before any worker could have fetched its job, and enqueue it a second time. Forgets what is no longer pending.
/// </summary>
internal sealed class PendingSightings(TimeSpan grace, TimeProvider wall)
{
    private readonly Dictionary<Guid, long> _firstSeen = [];

    /// <summary>Whether <paramref name="id"/>, pending now, was first seen less than the grace ago (now, the first time).</summary>
    public bool Recent(Guid id)
    {
        var now = wall.GetTimestamp();
        if (!_firstSeen.TryGetValue(id, out var first))
        {
            _firstSeen[id] = now;
            return true;
        }

        return wall.GetElapsedTime(first, now) < grace;
    }

    /// <summary>Forgets every item not in <paramref name="pending"/>.</summary>
    public void KeepOnly(IEnumerable<Guid> pending) => _firstSeen.KeepOnly(pending);
}
