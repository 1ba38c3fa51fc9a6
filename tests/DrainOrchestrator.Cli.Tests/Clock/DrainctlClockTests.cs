using DrainOrchestrator.Application.Clock;
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

    [Fact]
    public void Choose_SpeedAndOrigin_RunsInModelTimeFromThatOrigin()
    {
        var origin = TimeProvider.System.GetUtcNow().AddSeconds(-2);
        var environment = new Dictionary<string, string>
        {
            [DrainctlClock.SpeedVariable] = "20",
            [DrainctlClock.OriginVariable] = origin.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };

        var (clock, problems) = DrainctlClock.Choose(environment.GetValueOrDefault);

        Assert.Empty(problems);
        var model = Assert.IsType<ClusterTimeProvider>(clock);
        Assert.Equal(20, model.Speed);
        // 2 s of wall time since the origin at 20x: about 40 s of model time (generous bounds: a busy machine is slow).
        Assert.InRange(clock.GetUtcNow() - origin, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(200));
    }

    [Fact]
    public void Choose_BadSpeedAndOrigin_ReportsBothAndKeepsTheSystemClock()
    {
        var environment = new Dictionary<string, string>
        {
            [DrainctlClock.SpeedVariable] = "0.5",
            [DrainctlClock.OriginVariable] = "yesterday",
        };

        var (clock, problems) = DrainctlClock.Choose(environment.GetValueOrDefault);

        Assert.Same(TimeProvider.System, clock);
        Assert.Contains(problems, p => p.StartsWith(DrainctlClock.SpeedVariable, StringComparison.Ordinal) && p.Contains("was \"0.5\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(DrainctlClock.OriginVariable, StringComparison.Ordinal) && p.Contains("was \"yesterday\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Choose_OriginWithoutSpeed_IsAProblem()
    {
        var (_, problems) = DrainctlClock.Choose(v => v == DrainctlClock.OriginVariable ? "2026-12-05T12:00:00Z" : null);

        Assert.Equal([$"{DrainctlClock.OriginVariable} needs {DrainctlClock.SpeedVariable} (the speed of the model clock that started then)"], problems);
    }
}
