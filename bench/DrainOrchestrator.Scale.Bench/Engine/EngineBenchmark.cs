using System.Diagnostics;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Engine.Telemetry;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Migrations;
using DrainOrchestrator.Scale.Bench.Clusters;
using DrainOrchestrator.Scale.Bench.Measuring;
using DrainOrchestrator.Scale.Bench.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// The engine at scale: the production <see cref="DrainRunner"/> (validate, lock, cordon, plan, then the migrate loop
/// with Core, the snapshot mapping and the indexes) drains a generated cluster held by a <see cref="SimulatedCluster"/>
/// that feeds the engine's view as informers would, against a private PostgreSQL with the real schema. Measured from the
/// first migration's success until <see cref="EngineBenchOptions.Migrations"/> more succeeded: pass latency, slot refill
/// latency, the engine's CPU time and allocations per migration.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task<EngineResult> RunAsync(EngineBenchOptions options, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        using var gc = new GcTrail();
        var generated = ClusterGenerator.Generate(options.Size, seed);
        var drained = ClusterGenerator.DrainedNodes(options.Size);
        var passes = new PassClock();
        var view = new BenchView(passes);
        var cluster = new SimulatedCluster(WireCluster.Of(generated), view, options, TimeProvider.System, seed) { PassRefills = passes.Refills };
        generated = null;
        await using var postgres = await BenchPostgres.StartAsync(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await new SchemaMigrator(dataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(MigrationSet.Embedded(), cancellationToken);
        var policy = new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip };
        var id = Guid.NewGuid();
        await new DrainStore(dataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, "engine-bench", "bench", drained, PolicyDocument.Write(policy), "scale-bench"), cancellationToken);

        using var decisions = new EngineHistogram(EngineMetrics.DecisionDurationName);
        using var commits = new EngineHistogram(EngineMetrics.JournalCommitDurationName);
        using var physics = new PhysicsThread(cluster);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runner = new DrainRunner(dataSource, view, cluster, new DrainEngineOptions { Holder = "scale-bench" }, TimeProvider.System, passes);
        var run = runner.RunAsync(id, null, stopping.Token);
        var started = Stopwatch.GetTimestamp();

        if (!await WaitAsync(() => cluster.Completed >= 1, run, options.Timeout, stopping.Token))
        {
            throw new TimeoutException($"no migration succeeded within {options.Timeout.TotalMinutes:0} minutes of the drain's start");
        }

        log.WriteLine($"  engine: first migration succeeded after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (validate, lock, cordon {drained.Count} nodes, plan, first wave)");
        var window = Window.Open(cluster, physics, passes, decisions, commits);
        if (!await WaitAsync(() => cluster.Completed - window.Completed >= options.Migrations, run, options.Timeout, stopping.Token))
        {
            log.WriteLine($"  engine: only {cluster.Completed - window.Completed} of {options.Migrations} migrations succeeded within {options.Timeout.TotalMinutes:0} minutes; measured what there was");
        }

        var result = window.Close(options, cluster, physics, passes, decisions, commits, drained.Count);
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        log.WriteLine($"  GC over the run: {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} collections of gen 0 / 1 / 2, "
            + $"the last full blocking one collection {blocking.Index} (0: none; its pause {blocking.PauseDurations[0].TotalMilliseconds:0} ms, compacted {blocking.Compacted}), "
            + $"{GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused in all");
        log.WriteLine($"  gen 2 collections over the run: {string.Join("; ", gc.FullCollections)}");
        foreach (var slow in passes.Slow.Skip(window.Slow).Take(20))
        {
            log.WriteLine($"  slow pass: {slow}");
        }

        await stopping.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Stopped by the bench.
        }

        return result;
    }

    // False when the time is up first.
    private static async Task<bool> WaitAsync(Func<bool> done, Task<DrainResult> run, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!done())
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            if (run.IsCompleted)
            {
                var result = await run;
                throw new InvalidOperationException($"the drain ended before the bench was done: {result}");
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    private sealed record Window(long At, TimeSpan Cpu, long Allocated, (double CpuMs, long Allocated) Physics, int Completed,
        int Passes, int Decided, int Decisions, int Commits, int Refills, int PassRefills, int LeftEmpty, long SentChanges, int FullCollections, int Slow)
    {
        public static Window Open(SimulatedCluster cluster, PhysicsThread physics, PassClock passes, EngineHistogram decisions, EngineHistogram commits) => new(
            Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            physics.Used, cluster.Completed, passes.Milliseconds.Count, passes.Decided.Count, decisions.Milliseconds.Count, commits.Milliseconds.Count, cluster.Refills.Milliseconds.Count,
            passes.Refills.Milliseconds.Count, passes.Refills.LeftEmpty, Sent(cluster), GC.CollectionCount(2), passes.Slow.Count);

        public EngineResult Close(EngineBenchOptions options, SimulatedCluster cluster, PhysicsThread physics, PassClock passes,
            EngineHistogram decisions, EngineHistogram commits, int drainedNodes)
        {
            var seconds = Stopwatch.GetElapsedTime(At).TotalSeconds;
            var (cpu, allocated, used) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), physics.Used);
            var migrations = cluster.Completed - Completed;
            var passTimes = passes.Milliseconds.Skip(Passes).ToList();
            var engineCpu = (cpu - Cpu).TotalMilliseconds - (used.CpuMs - Physics.CpuMs);
            var engineBytes = (allocated - Allocated) - (used.Allocated - Physics.Allocated);
            return new EngineResult(options.Label, options.Size.Label, drainedNodes, migrations, seconds, Samples.Of(passTimes),
                Samples.Of([.. decisions.Milliseconds.Skip(Decisions)]), Samples.Of([.. cluster.Refills.Milliseconds.Skip(Refills)]), engineCpu / Math.Max(1, migrations),
                engineBytes / 1024.0 / Math.Max(1, migrations), engineBytes / 1024.0 / Math.Max(1, passTimes.Count),
                (Sent(cluster) - SentChanges) / seconds, GC.CollectionCount(2) - FullCollections, MachineLoad.Now().ToString(),
                Samples.Of([.. passes.Refills.Milliseconds.Skip(PassRefills)]), passes.Refills.LeftEmpty - LeftEmpty)
            {
                DecidedPasses = Samples.Of([.. passes.Decided.Skip(Decided)]),
                Commits = Samples.Of([.. commits.Milliseconds.Skip(Commits)]),
            };
        }

        // Every change the cluster sent: churn, plus about four per migration (pending, running, succeeded, the VMI).
        private static long Sent(SimulatedCluster cluster) => cluster.ChurnChanges + (3L * cluster.Created) + cluster.Completed;
    }
}
