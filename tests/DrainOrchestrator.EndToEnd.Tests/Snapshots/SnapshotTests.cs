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
                var (code, output) = await Drainctl.RunAsync("snapshot", "--kubeconfig", source.KubeconfigPath, "--out", file, "--redact");
                Assert.True(code == 0, output);
                Assert.Contains("redaction key", output, StringComparison.Ordinal);
                sourcePlan = await PlanAsync(source);
            }

            var yaml = await File.ReadAllTextAsync(file);
            foreach (var name in Nodes.Concat(["worker-a2", "gpu-b3", "databases", "postgres-1", "legacy-oracle", "web-1", "zone-a", "databases-post-copy"]))
            {
                Assert.DoesNotContain(name, yaml, StringComparison.Ordinal);
            }

            await using var copy = await SimulatorProcess.StartAsync(file, 1);
            var nodes = Redacted(yaml, copy);
            var copyPlan = await PlanAsync(copy, await nodes);
            Assert.Equal(Waves(sourcePlan).Select(w => w.Count), Waves(copyPlan).Select(w => w.Count));
        }
        finally
        {
            File.Delete(file);
        }
    }

    // The pseudonyms of the drained nodes: the nodes of the copy hosting the VMs that the source's drained nodes host (by memory sum).
    private static async Task<string[]> Redacted(string yaml, SimulatorProcess copy)
    {
        var source = await copy.Client.ListAllAsync<Kubernetes.Models.Node>(null, null, CancellationToken.None);
        var vmis = await copy.VmisAsync();
        var perNode = vmis.Values.GroupBy(v => v.Status!.NodeName!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.NotEmpty(yaml);
        Assert.NotEmpty(source.Items);
        // The demo puts 10 and 9 VMs on worker-a1 and worker-b2; their pseudonyms are the nodes with these counts.
        return [.. perNode.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(2).Select(p => p.Key)];
    }

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

    // Each wave's VMs (namespace/name), in wave order.
    private static List<List<string>> Waves(string planJson)
    {
        var plan = JsonNode.Parse(planJson[planJson.IndexOf('{', StringComparison.Ordinal)..])!;
        return [.. plan["items"]!.AsArray().Where(i => (int)i!["wave"]! > 0).GroupBy(i => (int)i!["wave"]!).OrderBy(g => g.Key)
            .Select(g => g.Select(i => (string)i!["vmi"]! + "@" + (string)i!["node"]!).Order(StringComparer.Ordinal).ToList())];
    }
}
