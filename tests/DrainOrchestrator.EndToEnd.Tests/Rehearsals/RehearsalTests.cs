using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Rehearsals;

/// <summary>
/// <c>drainctl rehearse</c> (issue 19, deliverable 2): a snapshot of drain-sim's demo cluster, rehearsed in a private
/// drain-sim and PostgreSQL at a high speed, predicts the makespan of the real drain of the same nodes on the first
/// cluster within 10% (both in cluster time, from drain-sim's ground truth), without a single request to that cluster;
/// and <c>--compare-kubevirt</c> reports KubeVirt's evacuation controller alone on the same nodes.
/// <para>
/// The demo cluster runs with <c>hints: true</c>: it then publishes its VMs' dirty rates and its nodes' migration
/// bandwidth as the annotations issue 12 reads, as a real cluster with those hints does, and the snapshot carries them.
/// Without them a snapshot knows neither (the demo's databases dirty up to 1.2 GiB/s): the rehearsal then predicted
/// 115 s for a drain that took 337 s, the very error the engine's own plan makes on such a cluster.
/// </para>
/// </summary>
[Collection(ClockSensitiveCollection.Name)]
public sealed class RehearsalTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string[] Nodes = ["worker-a1", "worker-b2"];

    [Fact]
    public async Task Rehearse_SnapshotOfDemo_PredictsTheRealDrainsMakespanWithin10PercentAndTouchesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rehearse-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(file + ".demo.yaml", DemoWithHints());
            await using var source = await SimulatorProcess.StartAsync(file + ".demo.yaml", 20);
            await SnapshotAsync(source, file);
            await source.ResetRequestCountsAsync();

            var rehearsal = await RehearseAsync(file, new Dictionary<string, string>(StringComparer.Ordinal) { ["DRAIN_SIM_DLL"] = Programs.DrainSim },
                "--nodes", string.Join(',', Nodes), "--non-migratable", "skip", "--speed", "50", "--window-minutes", "600");
            Assert.Empty((await source.GetAdminAsync("/sim/v1/requests"))["requests"]!.AsArray());
            Assert.Equal("succeeded", (string?)rehearsal["state"]);
            Assert.True((bool)rehearsal["window"]!["fits"]!, rehearsal.ToJsonString());
            Assert.NotNull(rehearsal["plannedMakespanSeconds"]);

            var clock = await ClusterClock.EnvironmentAsync(source, CancellationToken.None);
            var (code, output) = await Drainctl.RunAsync(clock, ["drain", "--kubeconfig", source.KubeconfigPath, .. Nodes.SelectMany(n => new[] { "--node", n }),
                "--non-migratable", "skip", "--lease-seconds", "60", "--db", database.ConnectionString]);
            Assert.True(code == 0, output);
            var real = (await source.GroundTruthAsync()).Makespan.TotalSeconds;
            var predicted = (double)rehearsal["makespanSeconds"]!;
            log.WriteLine($"rehearsed makespan {predicted:F1} s, real {real:F1} s, plan's own prediction {(double?)rehearsal["plannedMakespanSeconds"]:F1} s");
            Assert.True(Math.Abs(predicted - real) <= 0.10 * real,
                $"rehearsed makespan {predicted.ToString("F1", CultureInfo.InvariantCulture)} s against the real drain's {real.ToString("F1", CultureInfo.InvariantCulture)} s: not within 10%; rehearsal: {rehearsal.ToJsonString()}");
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".demo.yaml");
        }
    }

    [Fact]
    public async Task Rehearse_CompareKubeVirt_ReportsKubeVirtAlonesMakespan()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rehearse-{Guid.NewGuid():N}.yaml");
        try
        {
            int onNode;
            await using (var source = await SimulatorProcess.StartAsync("demo", 1))
            {
                await SnapshotAsync(source, file);
                onNode = (await source.VmisAsync()).Values.Count(v => v.Status?.NodeName == "worker-a1");
            }

            var rehearsal = await RehearseAsync(file, new Dictionary<string, string>(StringComparer.Ordinal),
                "--nodes", "worker-a1", "--speed", "50", "--compare-kubevirt");
            var kubevirt = rehearsal["kubevirt"]!;
            Assert.True((bool)kubevirt["finished"]!, rehearsal.ToJsonString());
            Assert.Empty(kubevirt["leftOnNodes"]!.AsArray());
            // Every VM of the node left it by an evacuation migration (a failed one is retried, so at least as many).
            Assert.InRange((int)kubevirt["migrations"]!, onNode, onNode + (int)kubevirt["failed"]!);
            Assert.True((double)kubevirt["makespanSeconds"]! > 0, rehearsal.ToJsonString());
            Assert.Equal(onNode, (int)rehearsal["migrations"]!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // drain-sim's built-in demo scenario, publishing its hints.
    private static string DemoWithHints()
    {
        var demo = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "DrainOrchestrator.Simulator.Cluster", "Scenarios", "Builtin", "demo.yaml"));
        Assert.DoesNotContain(demo, l => l.StartsWith("hints:", StringComparison.Ordinal));
        return string.Join('\n', ["hints: true", .. demo]) + "\n";
    }

    private static async Task SnapshotAsync(SimulatorProcess source, string file)
    {
        var (code, output) = await Drainctl.RunAsync("snapshot", "--kubeconfig", source.KubeconfigPath, "--out", file);
        Assert.True(code == 0, output);
    }

    // drainctl rehearse --output json, to its exit 0; the JSON document it printed.
    private static async Task<JsonNode> RehearseAsync(string scenario, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (code, output) = await Drainctl.RunAsync(environment, ["rehearse", "--scenario", scenario, "--output", "json", .. arguments]);
        Assert.True(code == 0, output);
        return JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..output.LastIndexOf('}')] + "}")!;
    }
}
