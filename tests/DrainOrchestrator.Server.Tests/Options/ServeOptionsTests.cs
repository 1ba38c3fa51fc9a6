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
}
