using DrainOrchestrator.Cli.Clock;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Cli.Tests.Clock;

public sealed class DrainctlClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Offset_StepsBackOnceAfterItsTime_TimersAndTimestampsStayTheInnerClocks()
    {
        var inner = new FakeTimeProvider(Start);
        var clock = new OffsetTimeProvider(inner, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(-30));
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(6), Timeout.InfiniteTimeSpan);

        var before = clock.GetUtcNow();
        var timestamp = clock.GetTimestamp();
        inner.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(Start.AddSeconds(20), before);
        Assert.Equal(Start.AddSeconds(6 + 20 - 30), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(6), clock.GetElapsedTime(timestamp));
        Assert.True(fired);
    }

    [Fact]
    public void Choose_Unset_IsTheSystemClock()
    {
        var (clock, problems) = DrainctlClock.Choose(_ => null);

        Assert.Same(TimeProvider.System, clock);
        Assert.Empty(problems);
    }

    [Fact]
    public void Choose_Malformed_ReportsEveryProblemAndKeepsTheSystemClock()
    {
        var environment = new Dictionary<string, string>
        {
            [DrainctlClock.OffsetVariable] = "soon",
            [DrainctlClock.StepVariable] = "-10",
            [DrainctlClock.StepAfterVariable] = "-1",
        };

        var (clock, problems) = DrainctlClock.Choose(environment.GetValueOrDefault);

        Assert.Same(TimeProvider.System, clock);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith(DrainctlClock.OffsetVariable, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(DrainctlClock.StepAfterVariable, StringComparison.Ordinal));
    }

    [Fact]
    public void Choose_OffsetOnly_SetsTheClockOff()
    {
        var (clock, problems) = DrainctlClock.Choose(v => v == DrainctlClock.OffsetVariable ? "-20" : null);

        Assert.Empty(problems);
        Assert.InRange(clock.GetUtcNow() - TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(-21), TimeSpan.FromSeconds(-19));
    }
}
