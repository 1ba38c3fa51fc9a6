using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
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
        await using var sim = await SimulatorProcess.StartAsync("evacuation.yaml", Speed);
        await EvacuationSim.SetGateAsync(sim, on: true);
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        using var operatorClient = server.Client(tokens.Operator);
        using var viewer = server.Client(tokens.Viewer);

        using var post = await operatorClient.PostAsync("/api/v1/evacuations", JsonContent.Create(new
        {
            sourceNamespace = EvacuationSim.Source,
            targetNamespace = EvacuationSim.Target,
            selector = "app=web",
            maxAttempts = 3,
        }));
        var accepted = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Accepted, accepted);
        var location = post.Headers.Location!.ToString();
        Assert.StartsWith("/api/v1/evacuations/", location, StringComparison.Ordinal);

        // Poll until the job ends; the deadline only guards a hang.
        JsonNode evacuation;
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (true)
        {
            evacuation = JsonNode.Parse(await viewer.GetStringAsync(location))!;
            if (evacuation["state"]!.GetValue<string>() != "running" || TimeProvider.System.GetUtcNow() > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

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
