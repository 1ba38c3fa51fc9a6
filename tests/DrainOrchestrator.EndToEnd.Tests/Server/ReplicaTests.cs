using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Server;

/// <summary>
/// Server replicas on one database share the drains and one cluster-wide budget: drains started through the API run
/// as jobs, a SIGKILLed replica's drains are carried on by another, and drains running at once never exceed the
/// cluster's limits together. Judged from the simulator's ground truth.
/// </summary>
public sealed class ReplicaTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Replicas_ThreeDrainsAndOneReplicaKilled_AllCompleteWithinTheLimitsEveryVmMovedOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
        await using var a = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        await using var b = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);

        var names = new[]
        {
            await ServerDrains.StartWithCurlAsync(a, tokens.Operator, "src-1", "src-2"),
            await ServerDrains.StartWithCurlAsync(a, tokens.Operator, "src-3", "src-4"),
            await ServerDrains.StartWithCurlAsync(b, tokens.Operator, "src-5", "src-6"),
        };
        await ServerDrains.WaitForMigrationsAsync(sim, 8, Patience);
        await a.KillAsync();

        using var client = b.Client(tokens.Viewer);
        var states = await ServerDrains.WaitFinalAsync(client, Patience, names);

        Assert.All(states.Values, s => Assert.Equal("succeeded", s));
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(await sim.GroundTruthAsync(), 5, 2, Enumerable.Range(1, 48).Select(i => $"apps/web-{i}"));
        var vmis = await sim.VmisAsync();
        Assert.All(vmis.Where(v => v.Key.StartsWith("apps/web-", StringComparison.Ordinal)),
            v => Assert.StartsWith("spare-", v.Value.Status!.NodeName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentDrains_OneReplica_HoldTheClusterLimitTogetherAndBothProgress() => await ConcurrentAsync(replicas: 1);

    [Fact]
    public async Task ConcurrentDrains_TwoReplicas_HoldTheClusterLimitTogetherAndBothProgress() => await ConcurrentAsync(replicas: 2);

    private async Task ConcurrentAsync(int replicas)
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
        await using var a = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        await using var b = replicas == 2 ? await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path) : null;

        var started = await Task.WhenAll(
            ServerDrains.StartWithCurlAsync(a, tokens.Operator, "src-1", "src-2", "src-3"),
            ServerDrains.StartWithCurlAsync(b ?? a, tokens.Operator, "src-4", "src-5", "src-6"));
        using var client = a.Client(tokens.Viewer);
        var states = await ServerDrains.WaitFinalAsync(client, Patience, started);

        Assert.All(states.Values, s => Assert.Equal("succeeded", s));
        var truth = await sim.GroundTruthAsync();
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(truth, 5, 2, Enumerable.Range(1, 48).Select(i => $"apps/web-{i}"));
        // Both made progress together: each drain had a migration created before the other's last one was.
        var first = truth.Document["migrations"]!.AsArray()
            .Select(m => (Source: m!["sourceNode"]!.GetValue<string>(), Created: m["createdAt"]!.GetValue<DateTimeOffset>()))
            .GroupBy(m => m.Source is "src-1" or "src-2" or "src-3")
            .ToDictionary(g => g.Key, g => (First: g.Min(m => m.Created), Last: g.Max(m => m.Created)));
        Assert.True(first[true].First < first[false].Last && first[false].First < first[true].Last,
            "one drain waited for the other to finish: " + string.Join(", ", first.Select(f => $"{f.Key}: {f.Value}")));
    }
}
