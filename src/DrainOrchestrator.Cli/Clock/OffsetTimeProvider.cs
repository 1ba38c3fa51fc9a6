namespace DrainOrchestrator.Cli.Clock;

/// <summary>
/// A wall clock set off from another by a fixed amount, which may step once by <c>stepBy</c> after <c>stepAfter</c>
/// of elapsed (monotonic) time, as a host clock corrected by NTP steps. Only <see cref="GetUtcNow"/> moves: timers
/// and timestamps are the inner clock's, as a real clock step leaves monotonic time alone.
/// </summary>
internal sealed class OffsetTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly TimeSpan _offset;
    private readonly TimeSpan _stepAfter;
    private readonly TimeSpan _stepBy;
    private readonly long _started;

    public OffsetTimeProvider(TimeProvider inner, TimeSpan offset, TimeSpan stepAfter, TimeSpan stepBy)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepAfter, TimeSpan.Zero);
        (_inner, _offset, _stepAfter, _stepBy) = (inner, offset, stepAfter, stepBy);
        _started = inner.GetTimestamp();
    }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow()
    {
        var stepped = _stepBy != TimeSpan.Zero && _inner.GetElapsedTime(_started) >= _stepAfter;
        return _inner.GetUtcNow() + _offset + (stepped ? _stepBy : TimeSpan.Zero);
    }

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
