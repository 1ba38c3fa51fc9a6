using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Server;

/// <summary>
/// VMIMs nobody of ours created (made here with kubectl, with and without KubeVirt's evacuation annotation) take slots
/// of the one cluster budget for as long as they run: a drain running beside them never brings the unfinished VMIMs
/// of the cluster above its limit.
/// </summary>
public sealed class ForeignMigrationTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 5;

    [Fact]
    public async Task Drain_BesideTwoKubectlMigrations_CountsEachAsOneSlotWhileItRuns()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        await Tool.KubectlAsync(sim.KubeconfigPath, Migration("evacuation-big-1", "big-1", "kubevirt.io/evacuationMigration: spare-4"), "create", "-f", "-");
        await Tool.KubectlAsync(sim.KubeconfigPath, Migration("by-hand-big-2", "big-2", null), "create", "-f", "-");

        var name = await ServerDrains.StartWithCurlAsync(server, tokens.Operator, "src-1", "src-2");
        using var client = server.Client(tokens.Viewer);
        var states = await ServerDrains.WaitFinalAsync(client, TimeSpan.FromMinutes(5), name);

        Assert.Equal("succeeded", states[name]);
        var truth = await sim.GroundTruthAsync();
        var ours = Enumerable.Range(1, 48).Select(i => $"apps/web-{i}")
            .Where(v => truth.Migrations.Any(m => "apps/" + m.VmiName == v && m.SourceNode is "src-1" or "src-2"));
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(truth, 5, 2, ours);
        // The foreign migrations ran while ours did (they may outlast the drain): the budget was really shared, not
        // merely taken in turns.
        var foreign = truth.Migrations.Where(m => m.VmiName.StartsWith("big-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, foreign.Count);
        var foreignStart = truth.Transfers.Where(t => t.VmiName.StartsWith("big-", StringComparison.Ordinal)).Max(t => t.Start);
        var foreignEnd = foreign.All(m => m.Outcome is "Succeeded" or "Failed")
            ? truth.Transfers.Where(t => t.VmiName.StartsWith("big-", StringComparison.Ordinal)).Min(t => t.End)
            : DateTimeOffset.MaxValue;
        Assert.Contains(truth.Transfers, t => t.VmiName.StartsWith("web-", StringComparison.Ordinal) && t.Start > foreignStart && t.Start < foreignEnd);
    }

    // Pinned to spare-3 so it never lands on a node being drained.
    private static string Migration(string name, string vmi, string? annotation) => $"""
        apiVersion: kubevirt.io/v1
        kind: VirtualMachineInstanceMigration
        metadata:
          name: {name}
          namespace: apps
        {(annotation is null ? string.Empty : "  annotations:\n    " + annotation)}
        spec:
          vmiName: {vmi}
          addedNodeSelector:
            kubernetes.io/hostname: spare-3
        """;
}
