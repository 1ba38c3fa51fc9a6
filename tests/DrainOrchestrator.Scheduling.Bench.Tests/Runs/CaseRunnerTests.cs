using DrainOrchestrator.Scheduling.Bench.Results;
using DrainOrchestrator.Scheduling.Bench.Runs;
using DrainOrchestrator.Scheduling.Bench.Suite;
using DrainOrchestrator.Scheduling.Bench.Tests.Engine;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Runs;

/// <summary>
/// The harness end to end on a small cluster: both modes finish, stay within limits and never beat the bound; the
/// orchestrator's drains run the production engine.
/// </summary>
[Collection(EngineDatabaseCollection.Name)]
public sealed class CaseRunnerTests(EngineDatabaseFixture fixture)
{
    private const string Cluster = """
        name: tiny
        seed: 3
        nodes:
          - {name: "worker-{i}", count: 4, memory: 64Gi, nicBandwidth: 10Gbit}
        vms:
          - {namespace: default, name: "db-{i}", count: 2, memory: 8Gi, dirtyRate: 700Mi, workingSet: 3Gi, evictionStrategy: LiveMigrate, node: worker-1}
          - {namespace: default, name: "web-{i}", count: 6, memory: 2Gi, dirtyRate: 10Mi, evictionStrategy: LiveMigrate, nodes: [worker-1, worker-2]}
        """;

    public static TheoryData<int, int> Limits() => new() { { 5, 2 }, { 5, 1 }, { 2, 2 } };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Run_BothModes_CompleteWithinLimitsAndNoFasterThanTheBound(int perCluster, int perNode)
    {
        var runner = Runner([["worker-1", "worker-2"]], perCluster, perNode);

        var bound = runner.Bound();
        var ours = await runner.RunAsync(RunMode.Orchestrator, CancellationToken.None);
        var alone = await runner.RunAsync(RunMode.KubeVirtAlone, CancellationToken.None);

        Assert.True(ours.Complete);
        Assert.Equal(8, ours.Succeeded);
        Assert.Equal(0, ours.LimitViolations + alone.LimitViolations);
        Assert.InRange(ours.PeakInFlight, 1, perCluster);
        Assert.True(ours.MakespanSeconds >= bound.Seconds, $"makespan {ours.MakespanSeconds} below the bound {bound.Seconds}");
        Assert.True(!alone.Complete || alone.MakespanSeconds >= bound.Seconds);
    }

    [Fact]
    public async Task Run_RollingBatches_LaterBatchNodesAreNotTargets()
    {
        var runner = Runner([["worker-1"], ["worker-2"]], 5, 2, rolling: true);

        var ours = await runner.RunAsync(RunMode.Orchestrator, CancellationToken.None);

        Assert.True(ours.Complete);
        Assert.Equal(2, ours.BatchMakespanSeconds.Count);
        Assert.Equal(1.0, ours.MigrationsPerVm);
        Assert.DoesNotContain(ours.Migrations, m => m.Source == "worker-1" && m.Target == "worker-2");
    }

    private CaseRunner Runner(List<List<string>> batches, int perCluster, int perNode, bool rolling = false) => new(
        new ScenarioEntry { Id = "t", File = "tiny.yaml", Batches = batches, Rolling = rolling },
        ScenarioCatalog.Parse(Cluster, "tiny.yaml"),
        new LimitSetting { Name = "test", PerCluster = perCluster, PerNode = perNode },
        informed: true,
        fixture.Database);
}
