using DrainOrchestrator.Application.Clock;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Engine.Tests.Application.Clock;

public sealed class ClusterTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_FromAnOriginInThePast_AgreesWithTheModelClockThatStartedThen()
    {
        var wall = new FakeTimeProvider(Start);
        var clock = new ClusterTimeProvider(wall, 20, Start.AddSeconds(-3));

        var atStart = clock.GetUtcNow();
        wall.Advance(TimeSpan.FromSeconds(2));

        // The model clock started 3 s of wall time ago at 20x: 60 s of model time, then 40 more.
        Assert.Equal(Start.AddSeconds(-3 + 60), atStart);
        Assert.Equal(Start.AddSeconds(-3 + 100), clock.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_DueInModelTime_FiresAfterThatMuchWallTimeOverTheSpeed_AndTimestampsStayWall()
    {
        var wall = new FakeTimeProvider(Start);
        var clock = new ClusterTimeProvider(wall, 20, origin: null);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        var timestamp = clock.GetTimestamp();

        wall.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, fired);
        wall.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        wall.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, fired);
        Assert.Equal(TimeSpan.FromSeconds(1.5), clock.GetElapsedTime(timestamp));
        Assert.Equal(Start.AddSeconds(30), clock.GetUtcNow());
    }

    [Fact]
    public void Change_NewDueTime_IsModelTimeToo()
    {
        var wall = new FakeTimeProvider(Start);
        var clock = new ClusterTimeProvider(wall, 10, origin: null);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        wall.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, fired);
        wall.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        wall.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task Delay_WithTheProvider_CompletesInModelTime()
    {
        var wall = new FakeTimeProvider(Start);
        var clock = new ClusterTimeProvider(wall, 20, origin: null);

        var delay = Task.Delay(TimeSpan.FromSeconds(40), clock, CancellationToken.None);
        wall.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(delay.IsCompleted);
        wall.Advance(TimeSpan.FromSeconds(0.1));

        await delay.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Constructor_SlowerThanWallTime_IsRefused(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterTimeProvider(new FakeTimeProvider(Start), speed, origin: null));
}
