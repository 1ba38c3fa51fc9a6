using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>Moving a client's hand-moved clock over its retry waits, so fault tests never wait on the wall clock.</summary>
internal static class ClockDriving
{
    private static readonly TimeSpan LongestRetryWait = TimeSpan.FromMinutes(1);

    /// <summary>Moves the clock to each retry wait <paramref name="call"/> starts until it completes; returns the waits in order.</summary>
    public static async Task<List<TimeSpan>> DriveAsync(this RecordingTimeProvider clock, Task call, CancellationToken cancellationToken)
    {
        var waits = new List<TimeSpan>();

        // One pending read of the timer record at a time, so no recorded wait is lost to an abandoned read.
        var timer = clock.NextTimerAsync(LongestRetryWait, cancellationToken);
        while (await Task.WhenAny(call, timer) == timer)
        {
            var due = await timer;
            waits.Add(due);
            clock.Advance(due);
            timer = clock.NextTimerAsync(LongestRetryWait, cancellationToken);
        }

        return waits;
    }

    /// <summary>Waits until the call starts its next retry wait and returns how long that wait is, without moving the clock.</summary>
    public static Task<TimeSpan> NextRetryWaitAsync(this RecordingTimeProvider clock, CancellationToken cancellationToken) =>
        clock.NextTimerAsync(LongestRetryWait, cancellationToken);
}
