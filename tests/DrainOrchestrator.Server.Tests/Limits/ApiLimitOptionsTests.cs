using DrainOrchestrator.Server.Limits;

namespace DrainOrchestrator.Server.Tests.Limits;

public sealed class ApiLimitOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(new ApiLimitOptions().Problems());

    [Fact]
    public void Problems_EveryBadValue_ReportedAtOnceNamingItsOption()
    {
        var options = new ServeOptions
        {
            TokensFile = "/dev/null",
            Limits = new ApiLimitOptions { MaxRequestBodyBytes = 10, RequestsPerSecond = 0, Burst = -1 },
        };

        var problems = options.Problems();

        Assert.Contains(problems, p => p.StartsWith("--max-request-body-bytes must be between 1024 and", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--rate-limit-per-second must be between 1 and", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--rate-limit-burst must be between", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_BurstBelowTheRate_Refused() =>
        Assert.Contains("--rate-limit-burst", Assert.Single(new ApiLimitOptions { RequestsPerSecond = 10, Burst = 5 }.Problems()), StringComparison.Ordinal);
}
