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
}
