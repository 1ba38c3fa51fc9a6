using System.Threading.Channels;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records every timer created through it. It exists because a retry test
/// must know when the code under test has started waiting (a backoff, a Retry-After) before it moves the clock exactly
/// that far: moving it earlier would pass the timer's due time before the timer exists, and the wait would never end.
/// </summary>
internal sealed class RecordingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

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
