namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// The system clock with an offset that a test can step, backwards too, as NTP or an operator might step a host's wall
/// clock. Timers and the monotonic timestamp stay the system's, as on a real host.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Step(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
