using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// The engine's clock in the harness: "now" is the simulated cluster's model time, and timers fire only when the harness
/// moves that time (<see cref="FireDue"/>), never on their own. Thread-safe: the engine creates and changes timers on its
/// threads, the harness fires them on its own.
/// </summary>
internal sealed class ModelClock(SimulatedCluster cluster) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ModelTimer> _timers = [];

    public override DateTimeOffset GetUtcNow() => cluster.Now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => cluster.Now.UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>When the earliest armed timer is due, if any.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DateTimeOffset? next = null;
                foreach (var timer in _timers)
                {
                    if (timer.Due is { } due && (next is null || due < next))
                    {
                        next = due;
                    }
                }

                return next;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ModelTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Runs the callback of every timer due by model time now (a periodic one once per call), in due order.</summary>
    public void FireDue()
    {
        var now = cluster.Now;
        List<ModelTimer> due;
        lock (_gate)
        {
            due = [.. _timers.Where(t => t.Due <= now).OrderBy(t => t.Due)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period is { } period ? now + period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Remove(ModelTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ModelTimer(ModelClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
