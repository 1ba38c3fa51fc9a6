using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary>Without <c>--allow-insecure-kubernetes</c> an http:// API server is refused before anything connects.</summary>
public sealed class InsecureKubernetesOptionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private readonly string _kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("insecure-kubeconfig-").FullName, "config");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_kubeconfig)!, recursive: true);

    [Fact]
    public async Task Plan_HttpServerWithoutTheFlag_BadInputNamingTheClusterEntryAndTheFlag()
    {
        var run = await PlanAsync();

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("clusters[plain].cluster.server", run.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-kubernetes", run.Error, StringComparison.Ordinal);
    }

    private async Task<DrainctlRun> PlanAsync(params string[] extra)
    {
        await File.WriteAllTextAsync(_kubeconfig, """
            current-context: c
            clusters: [{name: plain, cluster: {server: "http://127.0.0.1:1"}}]
            contexts: [{name: c, context: {cluster: plain, user: u}}]
            users: [{name: u, user: {token: t}}]
            """);
        return await DrainctlRun.RunAsync(["plan", "--kubeconfig", _kubeconfig, "--node", "w1", "--db", database.ConnectionString, .. extra]);
    }
}
