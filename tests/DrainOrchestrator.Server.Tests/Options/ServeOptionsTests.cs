namespace DrainOrchestrator.Server.Tests.Options;

public sealed class ServeOptionsTests
{
    [Theory]
    [InlineData("http://issuer.example/realms/ops", true)]
    [InlineData("http://10.0.0.7:8080/", true)]
    [InlineData("https://issuer.example/realms/ops", false)]
    [InlineData("http://127.0.0.1:5556/", false)]
    [InlineData("http://localhost:5556/dex", false)]
    public void Problems_JwtAuthorityOverPlainHttp_IsRefusedUnlessOnLoopback(string authority, bool refused)
    {
        var options = new ServeOptions { TokensFile = "/dev/null", JwtAuthority = new Uri(authority), JwtAudience = "drain-api" };
        var problems = options.Problems().Where(p => p.StartsWith("--jwt-authority", StringComparison.Ordinal)).ToList();
        Assert.Equal(refused, problems.Count > 0);
        if (refused)
        {
            Assert.Contains("https", problems[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    [InlineData(61, true)]
    [InlineData(1, false)]
    [InlineData(60, false)]
    public void Problems_ScheduleTickInterval_PositiveAndAtMostAMinute(int seconds, bool refused)
    {
        var options = new ServeOptions { TokensFile = "/dev/null", ScheduleTickInterval = TimeSpan.FromSeconds(seconds), Workers = 0 };
        var problems = options.Problems();
        Assert.Equal(refused, problems.Any(p => p.StartsWith(nameof(ServeOptions.ScheduleTickInterval), StringComparison.Ordinal)));
        // Reported beside the others, not instead of them.
        Assert.Contains(problems, p => p.StartsWith(nameof(ServeOptions.Workers), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("medik8s-leases", false)]
    [InlineData("openshift-workload-availability", false)]
    [InlineData("", true)]
    [InlineData("Medik8s", true)]
    [InlineData("leases-", true)]
    [InlineData("a.b", true)]
    public void Problems_LeaseNamespace_MustBeANamespaceName(string name, bool refused)
    {
        var problems = new ServeOptions { TokensFile = "/dev/null", LeaseNamespace = name }.Problems();
        Assert.Equal(refused, problems.Any(p => p.StartsWith("--lease-namespace must be a namespace name", StringComparison.Ordinal)
            && p.Contains($"was '{name}'", StringComparison.Ordinal)));
    }

    [Fact]
    public void LeaseNamespace_Default_IsMedik8s() => Assert.Equal("medik8s-leases", new ServeOptions().LeaseNamespace);

    [Fact]
    public void ScheduleTickInterval_Default_IsOneSecondSoSecondsCronsFireOnTime() =>
        Assert.Equal(TimeSpan.FromSeconds(1), new ServeOptions().ScheduleTickInterval);
}
