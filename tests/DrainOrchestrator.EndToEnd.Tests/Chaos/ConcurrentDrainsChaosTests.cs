using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// Fault kind <c>concurrent-drains</c>: two drains at once on disjoint nodes (src-1 and src-2), sharing the cluster's
/// migration budget: in half of the runs as two <c>drainctl drain</c> processes started 0 s to 1.5 s apart, in the other
/// half through two <c>drainctl serve</c> replicas on one database, one drain POSTed to each, their clocks set off by
/// -20 s to +20 s each (drainctl's <c>DRAIN_CLOCK_OFFSET_SECONDS</c>, which serve reads too). Together they must keep
/// the cluster's limits (the judge counts every unfinished VMIM of both against 5 in the cluster and 2 per node), and
/// both must succeed.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ConcurrentDrainsChaosTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait(ChaosKinds.Trait, ChaosKinds.ConcurrentDrains)]
    public Task Chaos_TwoDrainsOnDisjointNodes_ShareTheClusterBudgetAndBothSucceed() =>
        ChaosCampaign.RunAsync(ChaosKinds.ConcurrentDrains, ChaosKinds.DrainScenario, speed: 10, TestPostgresServer.GetAdminConnectionStringAsync, log,
            async run => run.Random.Next(2) == 0 ? await TwoEnginesAsync(run) : await TwoReplicasAsync(run));

    private static async Task<ChaosDrive> TwoEnginesAsync(ChaosRun run)
    {
        var first = run.StartEngine([ChaosRun.DrainedNodes[0]]);
        await Task.Delay(run.RandomDelay(0, 1500));
        var together = !first.HasExited;
        var second = run.StartEngine([ChaosRun.DrainedNodes[1]]);
        var codes = await Task.WhenAll(first.WaitForExitAsync(Drainctl.Patience), second.WaitForExitAsync(Drainctl.Patience));
        run.Note($"two drainctl drain processes, one drain each, exited {string.Join(", ", codes)}");
        return new ChaosDrive(codes.All(c => c == 0), together) { ExpectedDrains = 2 };
    }

    private static async Task<ChaosDrive> TwoReplicasAsync(ChaosRun run)
    {
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(run.Sim.KubeconfigPath)!);
        var offsets = new[] { run.Random.Next(-20, 21), run.Random.Next(-20, 21) };
        await using var a = await ServerProcess.StartAsync(run.Sim.KubeconfigPath, run.Database.ConnectionString, tokens.Path, Clock(offsets[0]));
        await using var b = await ServerProcess.StartAsync(run.Sim.KubeconfigPath, run.Database.ConnectionString, tokens.Path, Clock(offsets[1]));
        run.Note($"two drainctl serve replicas (pids {a.ProcessId}, {b.ProcessId}), clocks {offsets[0]:+0;-0;0} s and {offsets[1]:+0;-0;0} s off, {run.Policy.Name()} policy");
        var names = await Task.WhenAll(StartAsync(a, tokens.Operator, run, ChaosRun.DrainedNodes[0]),
            StartAsync(b, tokens.Operator, run, ChaosRun.DrainedNodes[1]));
        using var client = a.Client(tokens.Viewer);
        var states = await ServerDrains.WaitFinalAsync(client, Patience, names);
        run.Note($"the drains ended {string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"))}");
        await Task.WhenAll(a.StopAsync(), b.StopAsync());
        var succeeded = states.Values.All(s => s == "succeeded");
        if (!succeeded)
        {
            run.Note($"--- replica a:\n{Tail(a.Output)}\n--- replica b:\n{Tail(b.Output)}");
        }

        return new ChaosDrive(succeeded, FaultHit: true) { ExpectedDrains = 2 };
    }

    private static async Task<string> StartAsync(ServerProcess server, string token, ChaosRun run, string node)
    {
        var policy = new JsonObject { ["nonMigratable"] = "skip" };
        if (run.Policy == ChaosPolicy.Tuned)
        {
            policy["retryBackoffSeconds"] = 1;
            policy["maxAttempts"] = 5;
        }

        var body = new JsonObject { ["nodes"] = new JsonArray(node), ["policy"] = policy }.ToJsonString();
        var (status, answer) = await Tool.CurlAsync("POST", new Uri(server.Url, "api/v1/drains"), token, body);
        return status == 202
            ? JsonNode.Parse(answer)!["name"]!.GetValue<string>()
            : throw new InvalidOperationException($"POST /api/v1/drains on {server.Url} answered {status}: {answer}");
    }

    private static Dictionary<string, string> Clock(int offsetSeconds) =>
        new() { ["DRAIN_CLOCK_OFFSET_SECONDS"] = offsetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}
