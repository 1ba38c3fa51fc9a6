namespace DrainOrchestrator.Simulator.KubeVirt.Time;

/// <summary>
/// The simulated cluster's clock: it reads model time, which runs <see cref="Speed"/> times as fast as the wall clock
/// from the moment it was created, so minutes of KubeVirt behaviour fit in seconds. Timers and timestamps
/// (<see cref="TimeProvider.CreateTimer"/>, <see cref="TimeProvider.GetTimestamp"/>) stay in wall time: a watch timeout
/// or a fault delay means what the client asked for.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _wall;
    private readonly DateTimeOffset _origin;
    private readonly long _startTimestamp;

    /// <summary>Starts a clock at the wall clock's current time.</summary>
    /// <param name="wall">The wall clock.</param>
    /// <param name="speed">How many seconds of model time pass per wall-clock second; greater than zero.</param>
    public ScaledTimeProvider(TimeProvider wall, double speed)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be a positive number");
        }

        _wall = wall;
        Speed = speed;
        _origin = wall.GetUtcNow();
        _startTimestamp = wall.GetTimestamp();
    }

    /// <summary>Model seconds per wall-clock second.</summary>
    public double Speed { get; }

    /// <summary>The wall clock underneath.</summary>
    public TimeProvider Wall => _wall;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _wall.GetElapsedTime(_startTimestamp);
        return _origin + (Speed == 1 ? elapsed : TimeSpan.FromTicks((long)(elapsed.Ticks * Speed)));
    }

    /// <inheritdoc />
    public override long GetTimestamp() => _wall.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _wall.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _wall.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _wall.CreateTimer(callback, state, dueTime, period);
}
