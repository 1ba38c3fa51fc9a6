using System.Globalization;
using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Load;
using DrainOrchestrator.Server.Bench.Serving;

namespace DrainOrchestrator.Server.Bench.Phases;

/// <summary>
/// API latency under load: one server, three drains of disjoint nodes started through the API, and the clients polling
/// their status from the moment all three run until the first one ends (so three drains run throughout). The
/// server logs as it does by default (text, information): the setting an operator runs.
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
        using var pollClient = cluster.Server.Client(context.Tokens.Viewer, connections: options.Clients, timeout: TimeSpan.FromSeconds(30));

        var ids = new List<Guid>();
        foreach (var nodes in options.Drains)
        {
            ids.Add(await DrainsApi.StartAsync(operatorClient, nodes, cancellationToken));
        }

        var pollers = new ApiPollers(pollClient, ids, options.Clients, options.PollInterval, options.ListEvery);
        await pollers.WarmUpAsync();

        using var firstEnded = new CancellationTokenSource();
        await context.Database.ResetStatementsAsync(cancellationToken);
        var before = Readings.Take(cluster.Server.ProcessId);
        var monitor = DrainsApi.WaitFinalAsync(operatorClient, ids, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(20), firstEnded.Cancel,
            cancellationToken);
        var load = await pollers.RunAsync(firstEnded.Token);
        var window = Readings.Between(before, Readings.Take(cluster.Server.ProcessId));
        var statements = await context.Database.StatementsAsync(cluster.DatabaseName, cancellationToken);

        var drains = await monitor;
        var truth = await cluster.Simulator.GroundTruthAsync(cancellationToken);
        if (options.KeepDirectory is not null)
        {
            await cluster.SaveLogAsync(directory);
            await File.WriteAllLinesAsync(Path.Combine(directory, "requests.csv"), ["sent_s,kind,latency_ms,status,bytes,late",
                .. load.Samples.OrderBy(s => s.SentAtSeconds).Select(s => string.Create(CultureInfo.InvariantCulture,
                    $"{s.SentAtSeconds:0.0000},{s.Kind},{s.LatencyMs:0.000},{s.Status},{s.Bytes},{s.Late}"))], cancellationToken);
        }

        return ApiPhaseResult.From(options, load, window, statements, drains, GroundTruth.Parse(truth));
    }
}

/// <summary>What the API phase measured.</summary>
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

    public static ApiPhaseResult From(ServerBenchOptions options, ApiLoad load, Window window, IReadOnlyList<StatementCount> statements,
        IReadOnlyList<DrainState> drains, GroundTruth truth)
    {
        var samples = load.Samples;
        var ok = samples.Where(s => !s.Failed).ToList();
        double MeanBytes(ApiRequestKind kind) => ok.Where(s => s.Kind == kind).Select(s => (double)s.Bytes).DefaultIfEmpty(double.NaN).Average();
        return new ApiPhaseResult(
            options.Clients,
            options.PollInterval.TotalMilliseconds,
            options.ListEvery,
            samples.Count,
            samples.Count(s => s.Failed),
            samples.Count(s => s.Late),
            samples.Count / Math.Max(load.Seconds, 1e-9),
            Distribution.Of(samples.Select(s => s.LatencyMs)),
            Distribution.Of(samples.Where(s => s.Kind == ApiRequestKind.Get).Select(s => s.LatencyMs)),
            Distribution.Of(samples.Where(s => s.Kind == ApiRequestKind.List).Select(s => s.LatencyMs)),
            MeanBytes(ApiRequestKind.Get),
            MeanBytes(ApiRequestKind.List),
            [.. samples.Where(s => s.Failed).GroupBy(s => s.Status).Select(g => string.Create(CultureInfo.InvariantCulture, $"{(g.Key == 0 ? "no answer" : g.Key)}: {g.Count()}"))],
            window,
            statements.Sum(s => s.Calls),
            [.. statements.Take(10)],
            drains,
            truth.Migrations.Count,
            truth.PeakInFlight,
            truth.LimitViolations,
            truth.VmiLosses);
    }
}
