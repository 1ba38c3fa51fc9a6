namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// The system clock with an offset that a test can step, backwards too, as NTP or an operator might step a host's wall
/// clock. Timers and the monotonic timestamp stay the system's, as on a real host.
/// </summary>
/// <remarks>
/// Not a <c>FakeTimeProvider</c>: the test it serves runs a whole drain whose lease lives on PostgreSQL's real clock, so
/// the heartbeat's timers must fire in real time. A fake clock fires timers only when the test advances it, and cannot
/// step back (its <c>AdjustTime</c> would leave every timer waiting for an advance nobody makes).
/// </remarks>
internal sealed class SteppingClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Step(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
