using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// Cancelling an evacuation through the API, against drain-sim over HTTPS and a real PostgreSQL: cancelled once the
/// first VM has moved while others move, the evacuation ends cancelled; the moved VMs run in the target, every other VM still runs in
/// the source (not started, or aborted before the hand-off), none runs twice or is lost, and the report says which is which.
/// </summary>
public sealed class EvacuationCancelTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task PostCancel_WhileVmsMove_EndsCancelledMovedInTargetOthersInSource()
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
        }));
        Assert.True(post.StatusCode == HttpStatusCode.Accepted, await post.Content.ReadAsStringAsync());
        var location = post.Headers.Location!.ToString();

        // Cancel once one VM has moved while others are in flight (the deadlines only guard hangs): those are aborted
        // before the hand-off or let finish, the VMs not started stay.
        await PollAsync(viewer, location, e => e["vms"]!.AsArray().Select(v => v!["outcome"]!.GetValue<string>()) is var o
            && o.Contains("succeeded") && o.Contains("moving"), server);
        using (var refused = await viewer.PostAsync(location + "/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var cancel = await operatorClient.PostAsync(location + "/cancel", null))
        {
            var body = await cancel.Content.ReadAsStringAsync();
            Assert.True(cancel.StatusCode == HttpStatusCode.OK, body);
            Assert.True(JsonNode.Parse(body)!["accepted"]!.GetValue<bool>(), body);
        }

        var ended = await PollAsync(viewer, location, e => e["state"]!.GetValue<string>() is not ("running" or "cancelling"), server);
        log.WriteLine(ended.ToJsonString());
        Assert.True(ended["state"]!.GetValue<string>() == "cancelled", ended.ToJsonString() + "\n" + server.Output);
        var outcomes = ended["vms"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["outcome"]!.GetValue<string>());
        Assert.Contains("succeeded", outcomes.Values);
        Assert.Contains("cancelled", outcomes.Values);
        Assert.All(outcomes.Values, o => Assert.True(o is "succeeded" or "cancelled", o));

        // The ground truth: each VM runs exactly once, where its outcome says; nothing lost, limits held.
        var truth = await sim.GroundTruthDocumentAsync();
        var vms = EvacuationSim.VirtualMachines(truth);
        foreach (var (name, outcome) in outcomes)
        {
            var running = vms[name].Where(v => v["running"]!.GetValue<bool>()).ToList();
            Assert.True(running.Count == 1, $"{name} runs {running.Count} times: {truth.ToJsonString()}");
            Assert.Equal(outcome == "succeeded" ? EvacuationSim.Target : EvacuationSim.Source, running[0]["namespace"]!.GetValue<string>());
        }

        Assert.Empty(truth["vmiLosses"]!.AsArray());
        Assert.Empty(truth["limitViolations"]!.AsArray());
        var error = ended["error"]!.GetValue<string>();
        Assert.StartsWith($"cancelled: {outcomes.Values.Count(o => o == "succeeded")} of 10 VM(s) moved", error, StringComparison.Ordinal);
        var report = JsonNode.Parse(await viewer.GetStringAsync(location + "/report"))!;
        Assert.Contains(report["journal"]!.AsArray(), j => j!["kind"]!.GetValue<string>() == "evacuation.cancel_requested"
            && j["detail"]!.GetValue<string>() == "api/otto");
        using var again = await operatorClient.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private static async Task<JsonNode> PollAsync(HttpClient viewer, string location, Func<JsonNode, bool> done, ServerProcess server)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            var evacuation = JsonNode.Parse(await viewer.GetStringAsync(location))!;
            if (done(evacuation))
            {
                return evacuation;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"timed out: {evacuation.ToJsonString()}\n{server.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
