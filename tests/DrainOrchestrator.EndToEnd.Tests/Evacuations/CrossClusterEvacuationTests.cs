using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Evacuations;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// Decentralized evacuation from one cluster to another (issue 15, "10 VMs cluster to cluster"): one drain-sim process
/// serving cluster-x and cluster-y on two ports (two kubeconfigs, one network), drainctl as its own process with
/// <c>--kubeconfig X --target-kubeconfig Y</c>, the records in a real PostgreSQL, judged from both clusters' ground truths.
/// </summary>
public sealed class CrossClusterEvacuationTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;
    private const int SourceLimit = 5;
    private const int TargetLimit = 3;

    [Fact]
    public async Task Evacuate_TenVmsClusterToCluster_EachRunsOnceInTheTargetClusterWithinBothLimits()
    {
        await using var sim = await CrossClusterSim.StartAsync("evacuation-y.yaml", Speed);
        var reportFile = Path.Combine(Path.GetTempPath(), $"evacuation-{Guid.NewGuid():N}.json");

        var (code, output) = await Drainctl.RunAsync(CrossClusterSim.Arguments(sim, database.ConnectionString, "--report", reportFile));
        log.WriteLine(output);

        Assert.True(code == 0, output);
        var (source, target) = await CrossClusterSim.GroundTruthsAsync(sim);
        var vms = CrossClusterSim.VirtualMachines(source, target);
        for (var i = 1; i <= 10; i++)
        {
            var name = $"web-{i}";
            var copies = vms[name].ToList();
            var running = copies.Where(v => v["running"]!.GetValue<bool>()).ToList();
            Assert.True(running.Count == 1, $"{name} runs {running.Count} times: {source.ToJsonString()} {target.ToJsonString()}");
            Assert.Equal((CrossClusterSim.TargetCluster, EvacuationSim.Target),
                (running[0]["cluster"]!.GetValue<string>(), running[0]["namespace"]!.GetValue<string>()));
            var left = Assert.Single(copies, v => v["cluster"]!.GetValue<string>() == CrossClusterSim.SourceCluster);
            Assert.Equal(EvacuationSim.Source, left["namespace"]!.GetValue<string>());
            Assert.False(left["running"]!.GetValue<bool>(), $"{name} still runs in the source cluster");
        }

        Assert.True(vms["db"].Single()["running"]!.GetValue<bool>(), "the target's own VM must keep running");
        foreach (var (truth, limit) in new[] { (source, SourceLimit), (target, TargetLimit) })
        {
            Assert.Empty(truth["vmiLosses"]!.AsArray());
            Assert.Empty(truth["limitViolations"]!.AsArray());
            Assert.InRange(truth["peakInFlight"]!.GetValue<int>(), 1, limit);
            // One VMIM per VM on each side: the sender in the source cluster, the receiver in the target.
            Assert.Equal(10, truth["migrations"]!.AsArray().Count);
        }

        var report = JsonNode.Parse(await File.ReadAllTextAsync(reportFile))!;
        File.Delete(reportFile);
        var evacuation = report["evacuation"]!;
        Assert.Equal("succeeded", evacuation["state"]!.GetValue<string>());
        Assert.Equal(sim.Server, evacuation["sourceCluster"]!.GetValue<string>());
        Assert.Equal(sim.Peer!.Server, evacuation["targetCluster"]!.GetValue<string>());
        var moved = evacuation["vms"]!.AsArray();
        Assert.Equal(10, moved.Count);
        Assert.All(moved, vm =>
        {
            Assert.Equal((EvacuationSim.Source, sim.Server), (vm!["sourceNamespace"]!.GetValue<string>(), vm["sourceCluster"]!.GetValue<string>()));
            Assert.Equal((EvacuationSim.Target, sim.Peer.Server), (vm["targetNamespace"]!.GetValue<string>(), vm["targetCluster"]!.GetValue<string>()));
            Assert.Equal("succeeded", vm["outcome"]!.GetValue<string>());
            Assert.Equal(1, vm["attempts"]!.GetValue<int>());
            Assert.StartsWith("x-node-", vm["sourceNode"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith("y-node-", vm["targetNode"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        // The target's budget binds: drain-sim would hold a surplus pair in WaitingForSync (no violation), so the engine's own
        // account is judged from its journal: never more moves open at once than the target allows, and the limit used.
        Assert.Equal(TargetLimit, MostOpenAtOnce(report["journal"]!.AsArray()));
        // The sender's connectURL is the target cluster's synchronization controller (10.130.0.9), not the source's.
        var addresses = report["journal"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "sync.address").ToList();
        Assert.Equal(10, addresses.Count);
        Assert.All(addresses, e => Assert.Equal("10.130.0.9:9185", e!["detail"]!.GetValue<string>()));
        Assert.Contains($"from {EvacuationSim.Source} on {sim.Server} to {EvacuationSim.Target} on {sim.Peer.Server}", output, StringComparison.Ordinal);
    }

    private static int MostOpenAtOnce(JsonArray journal)
    {
        var (open, most) = (0, 0);
        foreach (var kind in journal.OrderBy(e => e!["seq"]!.GetValue<long>()).Select(e => e!["kind"]!.GetValue<string>()))
        {
            open += kind switch
            {
                EvacuationJournalKinds.AttemptStarted => 1,
                EvacuationJournalKinds.AttemptSucceeded or EvacuationJournalKinds.AttemptFailed => -1,
                _ => 0,
            };
            most = Math.Max(most, open);
        }

        return most;
    }

    [Fact]
    public async Task Evacuate_MacUsedInTheTargetCluster_RefusedNamingBothVmsAndNothingCreated()
    {
        await using var sim = await CrossClusterSim.StartAsync("evacuation-y-mac-collision.yaml", Speed);

        var (code, output) = await Drainctl.RunAsync(CrossClusterSim.Arguments(sim, database.ConnectionString));
        log.WriteLine(output);

        Assert.True(code == 2, output);
        Assert.Contains($"MAC address collision: VM {EvacuationSim.Source}/web-3 uses 02:00:00:00:0a:03, already used by VM resident/db in the target "
            + $"cluster {sim.Peer!.Server}", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was created.", output, StringComparison.Ordinal);
        var (source, target) = await CrossClusterSim.GroundTruthsAsync(sim);
        Assert.Empty(source["migrations"]!.AsArray());
        Assert.Empty(target["migrations"]!.AsArray());
        Assert.All(target["virtualMachines"]!.AsArray(), v => Assert.Equal("db", v!["name"]!.GetValue<string>()));
    }
}
