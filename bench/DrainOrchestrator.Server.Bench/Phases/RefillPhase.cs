using System.Globalization;
using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Processes;
using DrainOrchestrator.Server.Bench.Serving;

namespace DrainOrchestrator.Server.Bench.Phases;

/// <summary>
/// Slot refill latency in server mode, with issue 5's definition as the orchestration bench computes it (one shared
/// <see cref="RefillAnalysis"/>): per run a fresh database, simulator and <c>drainctl serve --verbose --log-format json</c>,
/// one drain of the orchestration bench's nodes started through the API and run by the server's Hangfire worker; then
/// the simulator's ground truth and the engine's pass markers from the server's log. Nothing else talks to the server
/// meanwhile but a status request a second, so the figure compares with drainctl's.
/// </summary>
internal static class RefillPhase
{
    public static async Task<RefillRun> RunAsync(BenchContext context, int run, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var directory = context.Directory("refill-" + run.ToString(CultureInfo.InvariantCulture));
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
        var finished = DrainsApi.WaitFinalAsync(operatorClient, [id], TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(20), null, cancellationToken);
        await probe.RunAsync(finished, TimeSpan.FromMilliseconds(100));
        var drain = (await finished)[0];
        var window = Readings.Between(before, Readings.Take(cluster.Server.ProcessId));
        var statements = await context.Database.StatementsAsync(cluster.DatabaseName, cancellationToken);
        var truthDocument = await cluster.Simulator.GroundTruthAsync(cancellationToken);
        var lines = cluster.Server.Lines;
        if (options.KeepDirectory is not null)
        {
            await cluster.SaveLogAsync(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "ground-truth.json"), truthDocument.ToJsonString(), cancellationToken);
        }

        var truth = GroundTruth.Parse(truthDocument);
        var refill = RefillAnalysis.Compute(truth, EngineLog.Parse(lines, startedAt), options.Speed);
        return new RefillRun(run, drain, refill, truth.Migrations.Count, truth.Requests, statements.Sum(s => s.Calls), window,
            probe.PeakResidentBytes, truth.PeakInFlight, truth.LimitViolations, truth.VmiLosses);
    }
}

/// <summary>One server-mode drain: its refill latencies, and what it cost the server, the cluster API and PostgreSQL.</summary>
internal sealed record RefillRun(
    int Run,
    DrainState Drain,
    RefillResult Refill,
    int Migrations,
    long ApiRequests,
    long Statements,
    Window Window,
    long ServerPeakResidentBytes,
    int PeakInFlight,
    int LimitViolations,
    int VmiLosses)
{
    /// <summary>From the drain's creation to its end, as the server recorded them.</summary>
    public double DrainSeconds => Drain.FinishedAt is { } f ? (f - Drain.CreatedAt).TotalSeconds : double.NaN;

    public double ApiRequestsPerMigration => (double)ApiRequests / Math.Max(1, Migrations);

    public double StatementsPerMigration => (double)Statements / Math.Max(1, Migrations);
}
