using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// Decentralized evacuations as an operator runs them: drain-sim and drainctl as separate processes over HTTPS, the
/// records in a real PostgreSQL, judged from the simulator's ground truth.
/// </summary>
public sealed class EvacuationTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task Evacuate_TenVmsNamespaceToNamespace_EachRunsOnceInTheTargetWithinTheLimits()
    {
        await using var sim = await SimulatorProcess.StartAsync("evacuation.yaml", Speed);
        await EvacuationSim.SetGateAsync(sim, on: true);
        var reportFile = Path.Combine(Path.GetTempPath(), $"evacuation-{Guid.NewGuid():N}.json");

        var (code, output) = await Drainctl.RunAsync(EvacuationSim.Arguments(sim, database.ConnectionString, "--report", reportFile));
        log.WriteLine(output);

        Assert.True(code == 0, output);
        var truth = await sim.GroundTruthDocumentAsync();
        EvacuationSim.AssertMovedOnce(truth, 10);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(reportFile))!;
        File.Delete(reportFile);
        var evacuation = report["evacuation"]!;
        Assert.Equal("succeeded", evacuation["state"]!.GetValue<string>());
        var vms = evacuation["vms"]!.AsArray();
        Assert.Equal(10, vms.Count);
        Assert.All(vms, vm =>
        {
            Assert.Equal(EvacuationSim.Source, vm!["sourceNamespace"]!.GetValue<string>());
            Assert.Equal(EvacuationSim.Target, vm["targetNamespace"]!.GetValue<string>());
            Assert.Equal(sim.Server.TrimEnd('/'), vm["sourceCluster"]!.GetValue<string>());
            Assert.Equal(sim.Server.TrimEnd('/'), vm["targetCluster"]!.GetValue<string>());
            Assert.Equal("succeeded", vm["outcome"]!.GetValue<string>());
            Assert.Equal(1, vm["attempts"]!.GetValue<int>());
            Assert.StartsWith("node-", vm["sourceNode"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith("node-", vm["targetNode"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Contains(report["journal"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "source-vmim.created");
    }

    [Fact]
    public async Task Evacuate_FeatureGateOff_RefusedWithTheFixAndNothingCreated()
    {
        await using var sim = await SimulatorProcess.StartAsync("evacuation.yaml", Speed);
        await EvacuationSim.SetGateAsync(sim, on: false);
        await sim.ResetRequestCountsAsync();

        var (code, output) = await Drainctl.RunAsync(EvacuationSim.Arguments(sim, database.ConnectionString, "--storage-class", "no-such-class"));

        Assert.True(code == 2, output);
        Assert.Contains("DecentralizedLiveMigration", output, StringComparison.Ordinal);
        Assert.Contains("featureGates", output, StringComparison.Ordinal);
        Assert.Contains("no-such-class", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was created.", output, StringComparison.Ordinal);
        var counts = (await sim.GetAdminAsync("/sim/v1/requests"))["requests"]!.AsArray();
        Assert.DoesNotContain(counts, r => r!["verb"]!.GetValue<string>() is "create" or "post");
        var truth = await sim.GroundTruthDocumentAsync();
        Assert.All(truth["virtualMachines"]!.AsArray(), v => Assert.Equal(EvacuationSim.Source, v!["namespace"]!.GetValue<string>()));
        Assert.Empty(truth["migrations"]!.AsArray());
    }
}
