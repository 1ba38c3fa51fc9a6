namespace DrainOrchestrator.Engine.Tests;

public sealed class DrainEngineOptionsTests
{
    [Fact]
    public void Validate_Defaults_Accepted() => new DrainEngineOptions().Validate();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_NonPositiveVerifySettleTimeout_RefusedNamingIt(int seconds)
    {
        var options = new DrainEngineOptions { VerifySettleTimeout = TimeSpan.FromSeconds(seconds) };

        var refused = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("VerifySettleTimeout must be positive", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CreateDeadlineLeavingNoRoomInTheLease_RefusedNamingIt()
    {
        // 15 s lease, 3 s heartbeat: a 12 s deadline plus the lease's eighth cannot fit in what a renewed lease has left.
        var options = new DrainEngineOptions { CreateDeadline = TimeSpan.FromSeconds(12) };

        var refused = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("CreateDeadline must be positive and leave", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveCreateDeadline_Unset_AQuarterOfTheLease() =>
        Assert.Equal(TimeSpan.FromSeconds(5), new DrainEngineOptions { LeaseDuration = TimeSpan.FromSeconds(20) }.EffectiveCreateDeadline);
}
