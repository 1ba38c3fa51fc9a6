namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The model's timers: actions ordered by due time, then by the order they were scheduled, so a run replays exactly.
/// Actions re-check their own preconditions when they fire (a stale timer is a no-op), so nothing is ever cancelled.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public DateTimeOffset? NextTime =>
        _queue.TryPeek(out _, out var key) ? new DateTimeOffset(key.Ticks, TimeSpan.Zero) : null;

    public void Schedule(DateTimeOffset at, Action action) =>
        _queue.Enqueue(action, (at.UtcTicks, _sequence++));

    public bool TryDequeueDue(DateTimeOffset now, out Action action)
    {
        if (_queue.TryPeek(out var next, out var key) && key.Ticks <= now.UtcTicks)
        {
            _queue.Dequeue();
            action = next;
            return true;
        }

        action = static () => { };
        return false;
    }
}
