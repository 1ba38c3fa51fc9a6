using DrainOrchestrator.Engine.Workflow;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class DatabaseOutageBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(3, 4000)]
    [InlineData(5, 10000)]
    [InlineData(1000, 10000)]
    public void Backoff_FullJitter_DoublesUpToTheCap(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), DatabaseOutage.Backoff(attempt, Initial, Max, jitter: 1));

    [Theory]
    [InlineData(0, 250)]
    [InlineData(2, 1000)]
    [InlineData(40, 5000)]
    public void Backoff_NoJitter_HalfTheDelay(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), DatabaseOutage.Backoff(attempt, Initial, Max, jitter: 0));

    [Fact]
    public void Options_BadOutageValues_EveryProblemReported()
    {
        var options = new DrainEngineOptions
        {
            DatabaseOutageTimeout = TimeSpan.Zero,
            DatabaseRetryDelay = TimeSpan.FromSeconds(-1),
            DatabaseRetryMaxDelay = TimeSpan.FromSeconds(-2),
        };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("DatabaseOutageTimeout must be positive", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DatabaseRetryDelay must be positive", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DatabaseRetryMaxDelay must be at least DatabaseRetryDelay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_Valid()
    {
        var options = new DrainEngineOptions();

        options.Validate();

        Assert.Equal(TimeSpan.FromMinutes(10), options.DatabaseOutageTimeout);
    }
}
