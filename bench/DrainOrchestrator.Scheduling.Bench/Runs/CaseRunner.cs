using System.Diagnostics;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Scheduling.Bench.Bounds;
using DrainOrchestrator.Scheduling.Bench.Engine;
using DrainOrchestrator.Scheduling.Bench.Model;
using DrainOrchestrator.Scheduling.Bench.Results;
using DrainOrchestrator.Scheduling.Bench.Suite;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Runs;

/// <summary>
/// Runs one scenario under one limit setting: its lower bound, and a drain in either mode on a fresh model. The
/// orchestrator's drain runs the production engine journaling to <paramref name="engine"/>'s PostgreSQL.
/// Informed, the cluster carries the hint annotations (NIC bandwidth, dirty rate) the engine reads; blind, it does not.
/// </summary>
internal sealed class CaseRunner(ScenarioEntry entry, ClusterScenario scenario, LimitSetting limits, bool informed, EngineDatabase engine)
{
    // A batch that has not finished after this much model time is reported as stuck.
    private static readonly TimeSpan BatchTimeLimit = TimeSpan.FromHours(24);

    private readonly ClusterScenario _limited = scenario with
    {
        MigrationConfig = scenario.MigrationConfig with
        {
            ParallelMigrationsPerCluster = limits.PerCluster,
            ParallelOutboundMigrationsPerNode = limits.PerNode,
        },
        Hints = informed && engine is not null,
    };

    private readonly IReadOnlyList<IReadOnlyList<string>> _batches = entry.ExpandedBatches();

    /// <summary>
    /// The drain policy: KubeVirt's limits, skip what cannot move. Informed, the scenario's start-up time is the operator's
    /// setting (<c>targetStartupSeconds</c>); blind, the policy sets none, so the engine starts from the default and learns it.
    /// </summary>
    public DrainPolicy Policy => new()
    {
        MaxParallelMigrations = limits.PerCluster,
        MaxOutboundPerNode = limits.PerNode,
        NonMigratableAction = NonMigratableAction.Skip,
        CostModel = informed
            ? new CostModelOptions { TargetStartup = TimeSpan.FromSeconds(BoundInputs.StartupSeconds(_limited.Timings)) }
            : new CostModelOptions(),
    };

    /// <summary>The lower bound of the whole drain (the sum over its batches), from the scenario as loaded.</summary>
    public LowerBound Bound()
    {
        var cluster = SimulatedCluster.Create(_limited);
        var startup = BoundInputs.StartupSeconds(_limited.Timings);
        return LowerBound.Sum([.. _batches.Select(b => LowerBound.Of(BoundInputs.Vms(cluster, b), startup, limits.PerCluster, limits.PerNode))]);
    }

    public async Task<RunResult> RunAsync(RunMode mode, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var cluster = SimulatedCluster.Create(_limited);
        using var mirror = new ClusterMirror(cluster);
        var ids = new DeterministicIds(_limited.Seed);
        var policy = Policy;
        var real = mode == RunMode.Orchestrator;
        using var session = real ? new EngineSession(cluster, ids) : null;
        await using var database = real ? await engine.NewDatabaseAsync(cancellationToken) : null;
        var outcomes = new List<BatchOutcome>();
        for (var k = 0; k < _batches.Count; k++)
        {
            var batch = _batches[k];
            var later = entry.Rolling
                ? _batches.Skip(k + 1).SelectMany(b => b).ToHashSet(StringComparer.Ordinal)
                : [];
            var deadline = cluster.Now + BatchTimeLimit;
            var name = $"{entry.Id}-{limits.Name}-batch-{k + 1}";
            var outcome = mode != RunMode.Orchestrator
                ? new KubeVirtAloneDriver(cluster, mirror, policy.Failure, ids).Drain($"b{k + 1}", batch, deadline)
                : await new EngineDriver(cluster, session!, database!.DataSource, policy).DrainAsync(name, batch, later, deadline, cancellationToken);
            outcomes.Add(outcome);

            // The maintenance is instant: the nodes come back, empty, before the next batch.
            foreach (var node in batch)
            {
                cluster.SetNodeUnschedulable(node, false);
            }
        }

        return MetricsCollector.Collect(entry.Id, limits.Name, mode, cluster.GetGroundTruth(), outcomes, wall.Elapsed.TotalSeconds);
    }
}
