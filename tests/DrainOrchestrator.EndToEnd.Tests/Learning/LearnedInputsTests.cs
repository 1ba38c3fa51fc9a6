using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Learning;

/// <summary>
/// Dirty rates read over HTTPS from drain-sim's Prometheus query endpoint (<c>/api/v1/query</c>) on a cluster without
/// hint annotations (the <c>small</c> scenario: every guest dirties 20Mi/s): <c>drainctl plan --prometheus-url</c> plans
/// with them and says "metrics", where the blind plan says "default"; a snapshot taken with the metrics carries them, so
/// a copy of it plans with them as annotations.
/// </summary>
public sealed partial class LearnedInputsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const long GuestDirtyRate = 20L * 1024 * 1024;

    [Fact]
    public async Task PlanAndSnapshot_WithPrometheusUrl_MetricDirtyRatesAndTheirSource()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"learned-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            string snapshot = Path.Combine(directory, "snapshot.yaml");
            await using (var sim = await SimulatorProcess.StartAsync("small", 1))
            {
                var metrics = await MetricsArgumentsAsync(sim, directory);

                var blind = Items(await PlanAsync(sim, []));
                var informed = Items(await PlanAsync(sim, metrics));

                Assert.NotEmpty(blind);
                Assert.All(blind, i => Assert.Equal("default", (string?)i["dirtyRateSource"]));
                Assert.Equal(blind.Count, informed.Count);
                Assert.All(informed, i =>
                {
                    Assert.Equal("metrics", (string?)i["dirtyRateSource"]);
                    Assert.Equal(GuestDirtyRate, (long)i["dirtyRateBytesPerSecond"]!);
                    Assert.Equal("default", (string?)i["bandwidthSource"]);
                });

                var (code, output) = await Drainctl.RunAsync(["snapshot", "--kubeconfig", sim.KubeconfigPath, "--out", snapshot, .. metrics]);
                Assert.True(code == 0, output);
            }

            var yaml = await File.ReadAllTextAsync(snapshot);
            Assert.Contains("hints: true", yaml, StringComparison.Ordinal);
            Assert.Equal(6, Regex.Count(yaml, $@"dirtyRate: {GuestDirtyRate}\b"));
            // The copy publishes them as annotations: a plan on it without metrics has them from there.
            await using var copy = await SimulatorProcess.StartAsync(snapshot, 1);
            var copied = Items(await PlanAsync(copy, []));
            Assert.NotEmpty(copied);
            Assert.All(copied, i =>
            {
                Assert.Equal("annotation", (string?)i["dirtyRateSource"]);
                Assert.Equal(GuestDirtyRate, (long)i["dirtyRateBytesPerSecond"]!);
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Plan_PrometheusRefusesTheToken_PlansWithoutAndWarnsNamingTheUrl()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"learned-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            await using var sim = await SimulatorProcess.StartAsync("small", 1);
            var metrics = await MetricsArgumentsAsync(sim, directory, token: "not-the-token");

            var output = await PlanAsync(sim, metrics);

            var plan = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
            Assert.Contains(plan["warnings"]!.AsArray(), w => ((string?)w)!.Contains($"{sim.Server.TrimEnd('/')}/api/v1/query", StringComparison.Ordinal)
                && ((string?)w)!.Contains("a retry will not help", StringComparison.Ordinal));
            Assert.All(Items(output), i => Assert.Equal("default", (string?)i["dirtyRateSource"]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // drain-sim's API server is the Prometheus too: its URL, its CA from the kubeconfig, and a token in an owner-only file.
    private static async Task<string[]> MetricsArgumentsAsync(SimulatorProcess sim, string directory, string? token = null)
    {
        var kubeconfig = await File.ReadAllTextAsync(sim.KubeconfigPath);
        var ca = Path.Combine(directory, "ca.pem");
        await File.WriteAllBytesAsync(ca, Convert.FromBase64String(CaData().Match(kubeconfig).Groups[1].Value));
        var tokenFile = await BearerTokenFile.WriteAsync(Path.Combine(directory, "token"), token ?? TokenLine().Match(kubeconfig).Groups[1].Value);
        return ["--prometheus-url", sim.Server, "--prometheus-token-file", tokenFile, "--prometheus-ca-file", ca];
    }

    private async Task<string> PlanAsync(SimulatorProcess sim, string[] extra)
    {
        var (code, output) = await Drainctl.RunAsync(["plan", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--output", "json",
            "--db", database.ConnectionString, .. extra]);
        Assert.True(code == 0, output);
        return output;
    }

    private static List<JsonNode> Items(string planJson)
    {
        var plan = JsonNode.Parse(planJson[planJson.IndexOf('{', StringComparison.Ordinal)..])!;
        return [.. plan["items"]!.AsArray().Where(i => (string?)i!["disposition"] == "Migrate").Select(i => i!)];
    }

    [GeneratedRegex(@"certificate-authority-data: (\S+)")]
    private static partial Regex CaData();

    [GeneratedRegex(@"token: (\S+)")]
    private static partial Regex TokenLine();

}
