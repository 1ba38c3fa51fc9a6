using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// An evacuation through the API: a <c>drainctl serve</c> process on drain-sim's evacuation scenario runs it as a
/// Hangfire job; the caller follows it by polling, and the simulator's ground truth judges the result.
/// </summary>
public sealed class EvacuationApiTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task PostEvacuation_TenVms_RunsAsAJobEachVmOnceInTheTargetAndTheReportComplete()
    {
        await using var rig = await EvacuationServer.StartAsync(database.ConnectionString, Speed);
        var (sim, server, viewer) = (rig.Sim, rig.Server, rig.Viewer);
        var location = await rig.StartEvacuationAsync(maxAttempts: 3);

        // Poll until the job ends; the deadline only guards a hang.
        var evacuation = await rig.PollAsync(location, e => e["state"]!.GetValue<string>() != "running", TimeSpan.FromSeconds(90));
        log.WriteLine(evacuation.ToJsonString());
        Assert.True(evacuation["state"]!.GetValue<string>() == "succeeded", evacuation.ToJsonString() + "\n" + server.Output);
        var truth = await sim.GroundTruthDocumentAsync();
        EvacuationSim.AssertMovedOnce(truth, 10);
        log.WriteLine(EvacuationSim.RequestsPerVm(truth, 10));
        var listed = JsonNode.Parse(await viewer.GetStringAsync("/api/v1/evacuations"))!.AsArray();
        Assert.Contains(listed, e => e!["id"]!.GetValue<string>() == evacuation["id"]!.GetValue<string>());

        using var reportResponse = await viewer.GetAsync(location + "/report");
        Assert.Equal("application/json", reportResponse.Content.Headers.ContentType?.MediaType);
        var report = JsonNode.Parse(await reportResponse.Content.ReadAsStringAsync())!;
        var vms = report["evacuation"]!["vms"]!.AsArray();
        Assert.Equal(10, vms.Count);
        Assert.All(vms, vm =>
        {
            Assert.Equal("succeeded", vm!["outcome"]!.GetValue<string>());
            Assert.Equal(EvacuationSim.Target, vm["targetNamespace"]!.GetValue<string>());
        });
        Assert.Contains(report["journal"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "source-vmim.created");
        Assert.Equal("api/otto", report["evacuation"]!["createdBy"]!.GetValue<string>());
    }
}
