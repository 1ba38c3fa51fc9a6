using System.Globalization;
using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Processes;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Serving;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Server.Bench.Phases;

/// <summary>
/// Slot refill latency in server mode, with issue 5's definition as the orchestration bench computes it (one shared
/// <see cref="RefillAnalysis"/>): per run a fresh database, simulator and <c>drainctl serve --verbose --log-format json</c>,
/// one drain of the orchestration bench's nodes started through the API and run by the server's Hangfire worker; then
/// the simulator's ground truth and the engine's pass markers from the server's log. Nothing else talks to the server
/// meanwhile but a status request a second.
/// <para>
/// On a shared machine a latency means little next to one measured at another time, so each server run is paired with
/// the same drain run right after by <c>drainctl drain -v</c> (the engine in its own process, as the orchestration
/// bench runs it) on a fresh database and simulator: the two engines' figures then come from the same minutes.
/// </para>
/// </summary>
internal static class RefillPhase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task<RefillRun> ServerAsync(BenchContext context, int run, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var directory = context.Directory("refill-server-" + run.ToString(CultureInfo.InvariantCulture));
        await using var cluster = await ServedCluster.StartAsync(context.Programs, context.Database, context.Tokens,
            "server_refill_" + run.ToString(CultureInfo.InvariantCulture), options.RefillScenario, options.Speed, verboseJsonLog: true, directory,
            cancellationToken);
        using var operatorClient = cluster.Server.Client(context.Tokens.Operator);

        await cluster.Simulator.ResetRequestCountsAsync(cancellationToken);
        await context.Database.ResetStatementsAsync(cancellationToken);
        var before = Readings.Take(cluster.Server.ProcessId);
        var startedAt = TimeProvider.System.GetUtcNow();
        var id = await DrainsApi.StartAsync(operatorClient, options.RefillNodes, cancellationToken);
        var probe = new ProcessProbe(cluster.Server.ProcessId);
        var finished = DrainsApi.WaitFinalAsync(operatorClient, [id], TimeSpan.FromSeconds(1), Patience, cancellationToken);
        await probe.RunAsync(finished, TimeSpan.FromMilliseconds(100));
        var drain = (await finished)[0];
        var window = Readings.Between(before, Readings.Take(cluster.Server.ProcessId));
        var statements = await context.Database.StatementsAsync(cluster.DatabaseName, cancellationToken);
        var truth = await cluster.Simulator.GroundTruthDocumentAsync(cancellationToken);
        var lines = cluster.Server.Lines;
        if (options.KeepDirectory is not null)
        {
            await cluster.SaveLogAsync(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "ground-truth.json"), truth.ToJsonString(), cancellationToken);
        }

        var duration = drain.FinishedAt is { } f ? (f - drain.CreatedAt).TotalSeconds : double.NaN;
        return RefillRun.From(run, RefillEngine.Server, drain.State, duration, GroundTruth.Parse(truth), lines, startedAt, options.Speed,
            statements, window, probe.PeakResidentBytes);
    }

    public static async Task<RefillRun> DrainctlAsync(BenchContext context, int run, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var programs = context.Programs;
        var directory = context.Directory("refill-drainctl-" + run.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var databaseName = "drainctl_refill_" + run.ToString(CultureInfo.InvariantCulture);
        var connection = await context.Database.CreateDatabaseAsync(databaseName, cancellationToken);
        await using (var migrate = ChildProcess.Start(programs.Drainctl, ["db", "migrate", "--db", connection]))
        {
            if (await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2)) != 0)
            {
                throw new InvalidOperationException("drainctl db migrate failed:\n" + migrate.Output);
            }
        }

        await using var simulator = await SimulatorProcess.StartAsync(
            new SimulatorLaunch(programs.DrainSim, options.RefillScenario, options.Speed) { Directory = directory, GroundTruthOnExit = true }, cancellationToken);
        // The policy the server runs are given through the API, in drainctl's words.
        List<string> arguments = ["drain", "--kubeconfig", simulator.KubeconfigPath, "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--verbose"];
        foreach (var node in options.RefillNodes)
        {
            arguments.AddRange(["--node", node]);
        }

        await simulator.ResetRequestCountsAsync(cancellationToken);
        await context.Database.ResetStatementsAsync(cancellationToken);
        var before = Readings.Take(0);
        var usageBefore = ChildUsage.Read();
        var startedAt = TimeProvider.System.GetUtcNow();
        await using var engine = ChildProcess.Start(programs.Drainctl, [.. arguments, "--db", connection]);
        var exit = engine.WaitForExitAsync(Patience);
        var probe = new ProcessProbe(engine.Id);
        await probe.RunAsync(exit, TimeSpan.FromMilliseconds(100));
        var exitCode = await exit;
        var duration = TimeProvider.System.GetUtcNow() - startedAt;
        // The engine's CPU exactly, from getrusage once it was reaped (nothing else of ours exited meanwhile).
        var cpu = (ChildUsage.Read() - usageBefore).Cpu.TotalSeconds;
        var window = Readings.Between(before, Readings.Take(0)) with { ServerCpuSeconds = cpu };
        var statements = await context.Database.StatementsAsync(databaseName, cancellationToken);
        var truth = await simulator.GroundTruthDocumentAsync(cancellationToken);
        if (options.KeepDirectory is not null)
        {
            await File.WriteAllLinesAsync(Path.Combine(directory, "drainctl.log"), engine.Lines, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "ground-truth.json"), truth.ToJsonString(), cancellationToken);
        }

        return RefillRun.From(run, RefillEngine.Drainctl, exitCode == 0 ? "succeeded" : $"exit code {exitCode}", duration.TotalSeconds,
            GroundTruth.Parse(truth), engine.Lines, startedAt, options.Speed, statements, window, probe.PeakResidentBytes);
    }
}

/// <summary>Which process ran the engine.</summary>
internal enum RefillEngine
{
    /// <summary><c>drainctl serve</c>: the drain is a Hangfire job of the server.</summary>
    Server,

    /// <summary><c>drainctl drain</c>: the engine in its own process (the paired reference).</summary>
    Drainctl,
}

/// <summary>
/// One drain: its refill latencies, and what it cost the engine's process (its CPU in <c>Window.ServerCpuSeconds</c>),
/// the cluster API and PostgreSQL.
/// </summary>
internal sealed record RefillRun(
    int Run,
    RefillEngine Engine,
    string State,
    double DrainSeconds,
    RefillResult Refill,
    int Migrations,
    long ApiRequests,
    long Statements,
    IReadOnlyList<StatementCount> TopStatements,
    Window Window,
    long PeakResidentBytes,
    int PeakInFlight,
    int LimitViolations,
    int VmiLosses)
{
    public double ApiRequestsPerMigration => (double)ApiRequests / Math.Max(1, Migrations);

    public double StatementsPerMigration => (double)Statements / Math.Max(1, Migrations);

    public static RefillRun From(int run, RefillEngine engine, string state, double seconds, GroundTruth truth, IReadOnlyList<string> log,
        DateTimeOffset startedAt, double speed, IReadOnlyList<StatementCount> statements, Window window, long peakResidentBytes) =>
        new(run, engine, state, seconds, RefillAnalysis.Compute(truth, EngineLog.Parse(log, startedAt), speed), truth.Migrations.Count,
            truth.Requests, statements.Sum(s => s.Calls), [.. statements.Take(12)], window, peakResidentBytes, truth.PeakInFlight,
            truth.LimitViolations, truth.VmiLosses);
}
