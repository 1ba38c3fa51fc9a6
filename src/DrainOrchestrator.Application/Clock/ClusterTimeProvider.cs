namespace DrainOrchestrator.Application.Clock;

/// <summary>
/// Model time, for driving a simulated cluster that runs <see cref="Speed"/> times faster than the wall clock (drain-sim
/// <c>--speed N</c>): <see cref="GetUtcNow"/> reads <c>origin + (wall - origin) × Speed</c>, so it agrees with the
/// cluster's own timestamps when <c>origin</c> is the wall instant its model clock started at, and timers (which
/// <c>Task.Delay</c>, <c>PeriodicTimer</c> and <c>CancellationTokenSource</c> use with a provider) fire after their
/// due time divided by <see cref="Speed"/>. Everything the engine times through its provider (Core's NIC timeline,
/// predictions, backoff, windows, wake-ups) therefore runs in model time.
/// <para>
/// <see cref="GetTimestamp"/> stays the inner clock's: elapsed time measures real durations, as the simulator's own
/// clock does. The engine measures its PostgreSQL lease that way (its durations are counted by the database, in wall
/// time), so a lease's freshness and remaining time stay exact. Fencing cannot break: every fenced write is checked by
/// the database against its own <c>statement_timestamp()</c> (<c>LeaseStore</c>), which no engine clock touches; the
/// heartbeat merely renews <see cref="Speed"/> times as often; a create's deadline fires sooner in wall time than it
/// would at speed 1 (never later, which is why the speed is at least 1); and a new owner waits out a previous owner's
/// creates on elapsed time (<c>CreateFence</c>), not on one timer. Transport timeouts counted through the provider
/// (a watch's client-side deadline) shrink by the same factor: a quiet watch is renewed more often.
/// </para>
/// <para>
/// Scope: every engine on one cluster must share the knob. Timestamps an engine stores from its own clock and another
/// engine reads against its own (the budget's demand ages, a drain's window) are model time here, ahead of the wall clock
/// by the model's lead: an engine on the wall clock would misjudge them, as it would any clock set that far off.
/// </para>
/// </summary>
public sealed class ClusterTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _startedAt;
    private readonly long _started;

    /// <param name="inner">The wall clock.</param>
    /// <param name="speed">Model seconds per wall-clock second, at least 1.</param>
    /// <param name="origin">The wall instant at which model time equalled wall time; null: now.</param>
    public ClusterTimeProvider(TimeProvider inner, double speed, DateTimeOffset? origin)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be a finite number of at least 1");
        }

        (_inner, Speed) = (inner, speed);
        _started = inner.GetTimestamp();
        var wall = inner.GetUtcNow();
        var from = origin ?? wall;
        _startedAt = from + Scale(wall - from);
    }

    /// <summary>Model seconds per wall-clock second.</summary>
    public double Speed { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _startedAt + Scale(_inner.GetElapsedTime(_started));

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)), this);

    /// <summary>The wall time a model duration takes (infinite stays infinite).</summary>
    internal TimeSpan ToWall(TimeSpan model) =>
        model == Timeout.InfiniteTimeSpan || model <= TimeSpan.Zero ? model : TimeSpan.FromTicks(Math.Max(1, (long)(model.Ticks / Speed)));

    private TimeSpan Scale(TimeSpan wall) => TimeSpan.FromTicks((long)(wall.Ticks * Speed));
}
