using System.Globalization;
using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Load;
using DrainOrchestrator.Server.Bench.Serving;

namespace DrainOrchestrator.Server.Bench.Phases;

/// <summary>
/// API latency under load: one server, three drains of disjoint nodes started through the API, and the clients polling
/// their status from just after the start (once warmed up) until the first drain ends, so three drains run throughout.
/// The requests sent while the drains start (until each has moved its first VM: the engines' start, planning,
/// cordoning, the first wave, and the JIT compiling all of it) are reported apart from the steady state that follows.
/// The server logs as it does by default (text, information): the setting an operator runs.
/// </summary>
internal static class ApiLatencyPhase
{
    public static async Task<ApiPhaseResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var directory = context.Directory("api");
        await using var cluster = await ServedCluster.StartAsync(context.Programs, context.Database, context.Tokens, "server_api",
            options.Scenario, options.Speed, verboseJsonLog: false, directory, cancellationToken);
        using var operatorClient = cluster.Server.Client(context.Tokens.Operator);
        using var pollClient = cluster.Server.Client(context.Tokens.Viewer, connections: options.Clients + 1, timeout: TimeSpan.FromSeconds(30));

        var ids = new List<Guid>();
        foreach (var nodes in options.Drains)
        {
            ids.Add(await DrainsApi.StartAsync(operatorClient, nodes, cancellationToken));
        }

        var pollers = new ApiPollers(pollClient, ids, options.Clients, options.PollInterval, options.ListEvery);
        await pollers.WarmUpAsync();

        using var firstEnded = new CancellationTokenSource();
        var pid = cluster.Server.ProcessId;
        var started = TimeProvider.System.GetTimestamp();
        var atStart = Readings.Take(pid);
        var atSteady = atStart;
        var steadyAfter = 0.0;
        var monitor = DrainsApi.WaitFinalAsync(operatorClient, ids, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(20), cancellationToken,
            onAllMoving: async () =>
            {
                steadyAfter = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                atSteady = Readings.Take(pid);
                await context.Database.ResetStatementsAsync(cancellationToken);
            },
            onFirstFinal: firstEnded.Cancel);
        var load = await pollers.RunAsync(started, firstEnded.Token);
        var atEnd = Readings.Take(pid);
        var statements = await context.Database.StatementsAsync(cluster.DatabaseName, cancellationToken);

        var drains = await monitor;
        var truth = await cluster.Simulator.GroundTruthDocumentAsync(cancellationToken);
        if (options.KeepDirectory is not null)
        {
            await cluster.SaveLogAsync(directory);
            await File.WriteAllLinesAsync(Path.Combine(directory, "requests.csv"), ["sent_s,kind,latency_ms,status,bytes,late",
                .. load.Samples.OrderBy(s => s.SentAtSeconds).Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{s.SentAtSeconds:0.0000},{s.Kind},{s.LatencyMs:0.000},{s.Status},{s.Bytes},{s.Late}"))], cancellationToken);
        }

        return ApiPhaseResult.From(options, load, steadyAfter, Readings.Between(atStart, atSteady), Readings.Between(atSteady, atEnd),
            statements, drains, GroundTruth.Parse(truth));
    }
}

/// <summary>
/// What the API phase measured. The headline figures (<see cref="All"/>, <see cref="Get"/>, <see cref="List"/>, the
/// rates, errors and <see cref="Window"/>) are the steady state, once every drain had moved a VM; <see cref="StartUp"/>
/// holds the requests sent before, while the drains started. <see cref="Control"/>: the control client's
/// <c>/healthz</c> in the steady state.
/// </summary>
internal sealed record ApiPhaseResult(
    int Clients,
    double PollIntervalMs,
    int ListEvery,
    int Requests,
    int Errors,
    int Late,
    double RequestsPerSecond,
    Distribution All,
    Distribution Get,
    Distribution List,
    double MeanGetBytes,
    double MeanListBytes,
    IReadOnlyList<string> ErrorStatuses,
    Window Window,
    double StartUpSeconds,
    Distribution StartUp,
    int StartUpErrors,
    Window StartUpWindow,
    Distribution Whole,
    Distribution Control,
    int ControlErrors,
    long Statements,
    IReadOnlyList<StatementCount> TopStatements,
    IReadOnlyList<DrainState> Drains,
    int Migrations,
    int PeakInFlight,
    int LimitViolations,
    int VmiLosses)
{
    /// <summary>Issue 11's target for the API's 99th percentile.</summary>
    public const double TargetP99Milliseconds = 50;

    public bool MeetsTarget => All.P99 < TargetP99Milliseconds && Errors == 0;

    public static ApiPhaseResult From(ServerBenchOptions options, ApiLoad load, double steadyAfter, Window startUp, Window steady,
        IReadOnlyList<StatementCount> statements, IReadOnlyList<DrainState> drains, GroundTruth truth)
    {
        var api = load.Samples.Where(s => s.Kind != ApiRequestKind.Health).ToList();
        var samples = api.Where(s => s.SentAtSeconds >= steadyAfter).ToList();
        var early = api.Where(s => s.SentAtSeconds < steadyAfter).ToList();
        var control = load.Samples.Where(s => s.Kind == ApiRequestKind.Health && s.SentAtSeconds >= steadyAfter).ToList();
        var ok = samples.Where(s => !s.Failed).ToList();
        double MeanBytes(ApiRequestKind kind) => ok.Where(s => s.Kind == kind).Select(s => (double)s.Bytes).DefaultIfEmpty(double.NaN).Average();
        return new ApiPhaseResult(
            options.Clients,
            options.PollInterval.TotalMilliseconds,
            options.ListEvery,
            samples.Count,
            samples.Count(s => s.Failed),
            samples.Count(s => s.Late),
            samples.Count / Math.Max(load.Seconds - steadyAfter, 1e-9),
            Distribution.Of(samples.Select(s => s.LatencyMs)),
            Distribution.Of(samples.Where(s => s.Kind == ApiRequestKind.Get).Select(s => s.LatencyMs)),
            Distribution.Of(samples.Where(s => s.Kind == ApiRequestKind.List).Select(s => s.LatencyMs)),
            MeanBytes(ApiRequestKind.Get),
            MeanBytes(ApiRequestKind.List),
            [.. samples.Where(s => s.Failed).GroupBy(s => s.Status).Select(g => string.Create(CultureInfo.InvariantCulture, $"{(g.Key == 0 ? "no answer" : g.Key)}: {g.Count()}"))],
            steady,
            steadyAfter,
            Distribution.Of(early.Select(s => s.LatencyMs)),
            early.Count(s => s.Failed),
            startUp,
            Distribution.Of(api.Select(s => s.LatencyMs)),
            Distribution.Of(control.Select(s => s.LatencyMs)),
            control.Count(s => s.Failed),
            statements.Sum(s => s.Calls),
            [.. statements.Take(10)],
            drains,
            truth.Migrations.Count,
            truth.PeakInFlight,
            truth.LimitViolations,
            truth.VmiLosses);
    }
}
