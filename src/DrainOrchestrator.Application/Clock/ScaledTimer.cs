namespace DrainOrchestrator.Application.Clock;

/// <summary>A timer of <see cref="ClusterTimeProvider"/>: its due times and periods, also when changed, are model time.</summary>
internal sealed class ScaledTimer(ITimer inner, ClusterTimeProvider clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToWall(dueTime), clock.ToWall(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
