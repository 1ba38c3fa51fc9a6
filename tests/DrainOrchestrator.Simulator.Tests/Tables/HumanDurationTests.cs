using DrainOrchestrator.Simulator.Api.Tables;

namespace DrainOrchestrator.Simulator.Tests.Tables;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(-5, "<invalid>")]
    [InlineData(-0.5, "0s")]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(200, "3m20s")]
    [InlineData(600, "10m")]
    [InlineData(179 * 60, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(5 * 3600 + 10 * 60, "5h10m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(100 * 86400, "100d")]
    [InlineData(3 * 365 * 86400 + 40 * 86400, "3y40d")]
    [InlineData(9 * 365 * 86400, "9y")]
    public void Format_PrintsAsKubectlDoes(double seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
}
