using System.Net;
using System.Text.Json.Nodes;
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

    // Only guards a hang.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PostCancel_WhileVmsMove_EndsCancelledMovedInTargetOthersInSource()
    {
        await using var rig = await EvacuationServer.StartAsync(database.ConnectionString, Speed);
        var (sim, server, operatorClient, viewer) = (rig.Sim, rig.Server, rig.Operator, rig.Viewer);
        var location = await rig.StartEvacuationAsync();

        // Cancel once one VM has moved while others are in flight (the deadlines only guard hangs): those are aborted
        // before the hand-off or let finish, the VMs not started stay.
        await rig.PollAsync(location, e => e["vms"]!.AsArray().Select(v => v!["outcome"]!.GetValue<string>()) is var o
            && o.Contains("succeeded") && o.Contains("moving"), Patience);
        // The operator's cancel first, at once: the VMs still moving may finish within a few round trips on a loaded runner.
        using (var cancel = await operatorClient.PostAsync(location + "/cancel", null))
        {
            var body = await cancel.Content.ReadAsStringAsync();
            Assert.True(cancel.StatusCode == HttpStatusCode.OK, body);
            Assert.True(JsonNode.Parse(body)!["accepted"]!.GetValue<bool>(), body);
        }

        // A viewer may not cancel (refused by role, whatever the evacuation's state).
        using (var refused = await viewer.PostAsync(location + "/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var ended = await rig.PollAsync(location, e => e["state"]!.GetValue<string>() is not ("running" or "cancelling"), Patience);
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
}
