using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Snapshots;

/// <summary>
/// <c>drainctl snapshot</c> of the demo cluster, loaded into a second drain-sim: the same plan (waves and VMs per wave),
/// and the source saw only get and list requests (its request counts in the ground truth).
/// </summary>
public sealed class SnapshotTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string[] Nodes = ["worker-a1", "worker-b2"];

    [Fact]
    public async Task Snapshot_DemoCluster_CopyPlansIdenticallyAndSourceSawOnlyReads()
    {
        var file = Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.yaml");
        try
        {
            JsonArray requests;
            string sourcePlan;
            await using (var source = await SimulatorProcess.StartAsync("demo", 1))
            {
                await source.ResetRequestCountsAsync();
                var (code, output) = await Drainctl.RunAsync("snapshot", "--kubeconfig", source.KubeconfigPath, "--out", file);
                Assert.True(code == 0, output);
                requests = (await source.GetAdminAsync("/sim/v1/requests"))["requests"]!.AsArray();
                sourcePlan = await PlanAsync(source);
            }

            Assert.NotEmpty(requests);
            Assert.All(requests, r => Assert.Contains((string?)r!["verb"], new[] { "get", "list" }));
            await using var copy = await SimulatorProcess.StartAsync(file, 1);
            // The same VMs in the same waves from the same sources, placed on the same tentative targets.
            Assert.All(Waves(sourcePlan).SelectMany(w => w), vm => Assert.DoesNotContain("->none", vm, StringComparison.Ordinal));
            Assert.Equal(Waves(sourcePlan), Waves(await PlanAsync(copy)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Snapshot_Redacted_NoOriginalNameAndTheSameWaveSizes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.yaml");
        try
        {
            string sourcePlan;
            await using (var source = await SimulatorProcess.StartAsync("demo", 1))
            {
                await File.WriteAllTextAsync(file + ".key", Key);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file + ".key", UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                var (code, output) = await Drainctl.RunAsync("snapshot", "--kubeconfig", source.KubeconfigPath, "--out", file, "--redact",
                    "--redact-key-file", file + ".key");
                Assert.True(code == 0, output);
                sourcePlan = await PlanAsync(source);
            }

            var yaml = await File.ReadAllTextAsync(file);
            foreach (var name in Nodes.Concat(["worker-a2", "gpu-b3", "databases", "postgres-1", "legacy-oracle", "web-1", "zone-a", "databases-post-copy"]))
            {
                Assert.DoesNotContain(name, yaml, StringComparison.Ordinal);
            }

            await using var copy = await SimulatorProcess.StartAsync(file, 1);
            var copyPlan = await PlanAsync(copy, [.. Nodes.Select(NodePseudonym)]);
            Assert.Equal(Waves(sourcePlan).Select(w => w.Count), Waves(copyPlan).Select(w => w.Count));
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".key");
        }
    }

    private const string Key = "a test key of at least sixteen characters";

    // The pseudonym docs/snapshot.md promises: "node-" and the first 48 bits of HMAC-SHA256(key, "node" NUL name) in hex.
    private static string NodePseudonym(string name) => "node-" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(Key), System.Text.Encoding.UTF8.GetBytes("node\0" + name)).AsSpan(0, 6));

    private Task<string> PlanAsync(SimulatorProcess sim) => PlanAsync(sim, Nodes);

    private async Task<string> PlanAsync(SimulatorProcess sim, string[] nodes)
    {
        var arguments = new List<string> { "plan", "--kubeconfig", sim.KubeconfigPath, "--output", "json", "--non-migratable", "skip", "--db", database.ConnectionString };
        foreach (var node in nodes)
        {
            arguments.AddRange(["--node", node]);
        }

        var (code, output) = await Drainctl.RunAsync([.. arguments]);
        Assert.True(code == 0, output);
        return output;
    }

    // Each wave's VMs (namespace/name@source->tentative target), in wave order.
    private static List<List<string>> Waves(string planJson)
    {
        var plan = JsonNode.Parse(planJson[planJson.IndexOf('{', StringComparison.Ordinal)..])!;
        return [.. plan["items"]!.AsArray().Where(i => (int)i!["wave"]! > 0).GroupBy(i => (int)i!["wave"]!).OrderBy(g => g.Key)
            .Select(g => g.Select(i => (string)i!["vmi"]! + "@" + (string)i!["node"]! + "->" + ((string?)i!["tentativeTarget"] ?? "none"))
                .Order(StringComparer.Ordinal).ToList())];
    }
}
