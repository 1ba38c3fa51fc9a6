using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// drainctl finds the cluster as kubectl does: <c>--kubeconfig</c>; else the files in KUBECONFIG, merged; else
/// <c>~/.kube/config</c>; else the in-cluster service account; and says where it looked when it finds nothing.
/// </summary>
public sealed class KubeconfigDiscoveryTests(PostgresDatabaseFixture database, FortySimulatorFixture cluster)
    : IClassFixture<PostgresDatabaseFixture>, IClassFixture<FortySimulatorFixture>
{
    [Fact]
    public async Task Plan_KubeconfigVariableWithTwoFiles_MergedAndUsed()
    {
        var home = EmptyHome();
        var missing = Path.Combine(home, "absent.yaml");

        var (code, output) = await PlanAsync(new Dictionary<string, string>
        {
            ["KUBECONFIG"] = missing + Path.PathSeparator + cluster.Sim.KubeconfigPath,
            ["HOME"] = home,
        });

        Assert.True(code == 0, output);
        Assert.Contains("src-1", JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!["nodes"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NoOptionNoVariable_HomeKubeConfigUsed()
    {
        var home = EmptyHome();
        Directory.CreateDirectory(Path.Combine(home, ".kube"));
        File.Copy(cluster.Sim.KubeconfigPath, Path.Combine(home, ".kube", "config"));

        var (code, output) = await PlanAsync(new Dictionary<string, string> { ["KUBECONFIG"] = string.Empty, ["HOME"] = home });

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Plan_NothingToFind_BadInputNamingWhereItLooked()
    {
        var (code, output) = await PlanAsync(new Dictionary<string, string>
        {
            ["KUBECONFIG"] = string.Empty,
            ["HOME"] = EmptyHome(),
            ["KUBERNETES_SERVICE_HOST"] = string.Empty,
        });

        Assert.Equal(2, code);
        Assert.Contains("KUBECONFIG, ~/.kube/config, or in-cluster", output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output)> PlanAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var process = ChildProcess.Start(Programs.Drainctl,
            ["plan", "--node", "src-1", "--non-migratable", "skip", "--output", "json", "--db", database.ConnectionString], environment);
        var code = await process.WaitForExitAsync(Drainctl.Patience);
        return (code, process.Output);
    }

    private static string EmptyHome()
    {
        var home = Path.Combine(Path.GetTempPath(), "drain-e2e-home", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        return home;
    }
}
