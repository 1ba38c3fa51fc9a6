using System.Threading.Channels;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>
/// The shared <see cref="ManualTimeProvider"/>, plus a record of every timer created through it, so a test can wait until
/// the code under test has started waiting (a backoff, a Retry-After) and then move the clock exactly that far.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Advance(TimeSpan by) => _clock.Advance(by);

    /// <summary>Waits for the next timer no longer than <paramref name="atMost"/> (longer ones, such as watch deadlines, are skipped).</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(cancellationToken);
            if (due <= atMost)
            {
                return due;
            }
        }
    }

    /// <summary>Waits for the next short timer and moves the clock to it; returns its delay.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync(CancellationToken cancellationToken, TimeSpan? atMost = null)
    {
        var due = await NextTimerAsync(atMost ?? TimeSpan.FromMinutes(2), cancellationToken);
        Advance(due);
        return due;
    }
}
