namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// The system clock with timers that fire <c>speed</c> times early while elapsed time (timestamps) stays real, as
/// drainctl's cluster-time knob runs the engine against a simulator faster than the wall clock.
/// </summary>
internal sealed class FastTimersClock(double speed) : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Faster(dueTime), Faster(period));

    private TimeSpan Faster(TimeSpan time) => time <= TimeSpan.Zero ? time : time / speed;
}
