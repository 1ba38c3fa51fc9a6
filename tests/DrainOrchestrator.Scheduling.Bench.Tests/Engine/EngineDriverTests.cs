using System.Diagnostics;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Scheduling.Bench.Engine;
using DrainOrchestrator.Simulator.Cluster;
using Npgsql;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Engine;

/// <summary>The harness drains with the production engine: it journals, creates one VMIM per VM, and moves model time.</summary>
[Collection(EngineDatabaseCollection.Name)]
public sealed class EngineDriverTests(EngineDatabaseFixture fixture)
{
    private const string Cluster = """
        name: harness
        seed: 5
        hints: true
        nodes:
          - {name: "worker-{i}", count: 4, memory: 64Gi, nicBandwidth: 10Gbit}
        vms:
          - {namespace: default, name: "db-{i}", count: 2, memory: 8Gi, dirtyRate: 300Mi, workingSet: 3Gi, evictionStrategy: LiveMigrate, node: worker-1}
          - {namespace: default, name: "web-{i}", count: 4, memory: 2Gi, dirtyRate: 10Mi, evictionStrategy: LiveMigrate, node: worker-1}
        """;

    [Fact]
    public async Task DrainAsync_SmallCluster_EveryVmMovesOnceByTheEngineInModelTime()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var cluster = SimulatedCluster.Create(ScenarioCatalog.Parse(Cluster, "harness.yaml"));
        var ids = new DeterministicIds(5);
        using var session = new EngineSession(cluster, ids);
        await using var run = await fixture.Database.NewDatabaseAsync(ct);
        var database = run.DataSource;
        var policy = new DrainPolicy { MaxParallelMigrations = 5, MaxOutboundPerNode = 2, NonMigratableAction = NonMigratableAction.Skip };
        var started = cluster.Now;
        var wall = Stopwatch.StartNew();

        var outcome = await new EngineDriver(cluster, session, database, policy).DrainAsync("harness-test", ["worker-1"], new HashSet<string>(), started.AddHours(1), ct);

        // A guard against hangs, not a speed measurement: a run that took minutes would mean the harness waited on the wall clock.
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(60), $"the drain took {wall.Elapsed} of wall time");
        Assert.False(outcome.Stuck);
        Assert.Equal(6, outcome.VmisToMove);
        Assert.Equal(0, outcome.Left);
        var truth = cluster.GetGroundTruth();
        Assert.Equal(6, truth.Migrations.Count);
        Assert.All(truth.Migrations, m => Assert.Equal(MigrationOutcome.Succeeded, m.Outcome));
        Assert.Equal(6, truth.Migrations.Select(m => m.VmiName).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(truth.LimitViolations);
        var lastEnd = truth.Migrations.Max(m => m.PhaseTransitions[^1].At);
        Assert.True(lastEnd > started, "model time did not advance");
        Assert.Equal(lastEnd, outcome.FinishedAt);
        Assert.Equal(6, await CountAsync(database, "SELECT count(*) FROM migration_attempts WHERE outcome = 'succeeded'", ct));
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM drains WHERE state = 'succeeded'", ct));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
