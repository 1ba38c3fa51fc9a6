using System.Globalization;
using DrainOrchestrator.Bench.Harness.Processes;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Orchestration.Bench.Runs;

/// <summary>
/// One measured drain: a fresh database (schema applied beforehand by <c>drainctl db migrate</c>, so the drain's own
/// statements are the ones counted), a fresh simulator, then <c>drainctl drain -v</c> as a separate process (its verbose
/// log marks the migrate loop's passes, which the refill latency needs), sampled
/// from /proc while it runs; afterwards the ground truth, the statement counts and the child's rusage.
/// </summary>
internal static class DrainRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task<RunMaterial> RunAsync(int number, BenchOptions options, Programs programs, BenchDatabase database,
        string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var databaseName = "orchestration_run_" + number.ToString(CultureInfo.InvariantCulture);
        var connection = await database.CreateDatabaseAsync(databaseName, cancellationToken);
        await using (var migrate = ChildProcess.Start(programs.Drainctl, ["db", "migrate", "--db", connection]))
        {
            if (await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2)) != 0)
            {
                throw new InvalidOperationException("drainctl db migrate failed:\n" + migrate.Output);
            }
        }

        await using var simulator = await SimulatorProcess.StartAsync(
            new SimulatorLaunch(programs.DrainSim, options.Scenario, options.Speed) { Directory = directory, GroundTruthOnExit = true }, cancellationToken);
        var arguments = new List<string> { "drain", "--kubeconfig", simulator.KubeconfigPath };
        foreach (var node in options.Nodes)
        {
            arguments.AddRange(["--node", node]);
        }

        arguments.AddRange([
            "--max-parallel", options.MaxParallel.ToString(CultureInfo.InvariantCulture),
            "--max-outbound", options.MaxOutbound.ToString(CultureInfo.InvariantCulture),
        ]);
        if (!options.QuietEngine)
        {
            arguments.Add("--verbose");
        }

        await simulator.ResetRequestCountsAsync(cancellationToken);
        await database.ResetStatementsAsync(cancellationToken);
        var transactionsBefore = await database.TransactionsAsync(databaseName, cancellationToken);
        var loadBefore = ProcStat.LoadAverage();
        var usageBefore = ChildUsage.Read();
        var startedAt = TimeProvider.System.GetUtcNow();
        // Faster than wall time, the engine must reason in the simulator's model time (drainctl's cluster-time knob), or
        // it times its NIC timeline, predictions and backoff in wall time against a cluster that runs faster. (The knob
        // allows no clock slower than the wall clock: below speed 1 the engine keeps wall time.)
        var clock = options.Speed <= 1 ? null : await ClusterClock.EnvironmentAsync(simulator, cancellationToken);
        await using var engine = ChildProcess.Start(programs.Drainctl, [.. arguments, "--db", connection], clock);
        var exit = engine.WaitForExitAsync(Patience);
        var probe = new ProcessProbe(engine.Id);
        await probe.RunAsync(exit, TimeSpan.FromMilliseconds(50));
        var exitCode = await exit;
        var exitedAt = TimeProvider.System.GetUtcNow();
        var usage = ChildUsage.Read() - usageBefore;
        var loadAfter = ProcStat.LoadAverage();

        var groundTruth = await simulator.GroundTruthDocumentAsync(cancellationToken);
        var transactions = await database.TransactionsAsync(databaseName, cancellationToken) - transactionsBefore;
        var statements = await database.StatementsAsync(databaseName, cancellationToken);
        var facts = new RunFacts(number, options.Speed, exitCode, startedAt, exitedAt, usage.User.TotalSeconds, usage.System.TotalSeconds,
            probe.PeakResidentBytes, probe.PeakThreads, transactions, database.StatementsTracked, loadBefore, loadAfter,
            [.. arguments, "--db", "CONNECTION"]);
        var material = new RunMaterial(facts, groundTruth, engine.Lines, statements);
        material.Save(directory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"drainctl drain exited {exitCode} (material kept in {directory}):\n{engine.Output}");
        }

        return material;
    }
}
