using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Server.Bench.Phases;

namespace DrainOrchestrator.Server.Bench.Results;

/// <summary>Every phase's result of one bench invocation (a phase left out is null or empty), and the refill medians.</summary>
internal sealed record ServerReport(ServerBenchOptions Options, string Commit, DateTimeOffset WrittenAt, ApiPhaseResult? Api, SsePhaseResult? Sse,
    IReadOnlyList<RefillRun> Refill)
{
    /// <summary>Issue 5's target for the refill latency's 99th percentile.</summary>
    public const double RefillTargetP99Milliseconds = 100;

    /// <summary>The runs with the engine inside the server (the headline).</summary>
    public IReadOnlyList<RefillRun> ServerRuns => [.. Refill.Where(r => r.Engine == RefillEngine.Server)];

    /// <summary>The paired runs of <c>drainctl drain</c> (the reference from the same minutes).</summary>
    public IReadOnlyList<RefillRun> DrainctlRuns => [.. Refill.Where(r => r.Engine == RefillEngine.Drainctl)];

    public double RefillMedianP50 => Median(ServerRuns.Select(r => r.Refill.Latency.P50));

    public double RefillMedianP99 => Median(ServerRuns.Select(r => r.Refill.Latency.P99));

    public double DrainctlMedianP50 => Median(DrainctlRuns.Select(r => r.Refill.Latency.P50));

    public double DrainctlMedianP99 => Median(DrainctlRuns.Select(r => r.Refill.Latency.P99));

    public bool RefillMeetsTarget => RefillMedianP99 < RefillTargetP99Milliseconds;

    /// <summary>The refill latencies of every run of one engine taken together.</summary>
    public Distribution Pooled(RefillEngine engine) =>
        Distribution.Of(Refill.Where(r => r.Engine == engine).SelectMany(r => r.Refill.AllLatencies));

    /// <summary>Drains that did not succeed, limits exceeded or guests lost: what must never happen.</summary>
    public IEnumerable<string> Broken()
    {
        foreach (var (phase, drains, violations, losses) in Phases())
        {
            foreach (var drain in drains.Where(d => d.State != "succeeded"))
            {
                yield return $"{phase}: drain {drain.Name} ended {drain.State}";
            }

            if (violations > 0 || losses > 0)
            {
                yield return $"{phase}: {violations} limit violations, {losses} guests lost";
            }
        }

        if (Sse is { ExactlyOnceInOrder: false } sse)
        {
            yield return $"sse: {sse.Subscribers - sse.SubscribersExact} of {sse.Subscribers} subscribers did not receive every event exactly once in order";
        }
    }

    private IEnumerable<(string Phase, IReadOnlyList<Serving.DrainState> Drains, int Violations, int Losses)> Phases()
    {
        if (Api is { } api)
        {
            yield return ("api", api.Drains, api.LimitViolations, api.VmiLosses);
        }

        if (Sse is { } sse)
        {
            yield return ("sse", sse.Drains, sse.LimitViolations, sse.VmiLosses);
        }

        foreach (var run in Refill)
        {
            var drain = new Serving.DrainState(Guid.Empty, run.Engine.ToString().ToLowerInvariant() + " run " + run.Run, run.State,
                default, null, null, run.Migrations);
            yield return ($"refill, {drain.Name}", [drain], run.LimitViolations, run.VmiLosses);
        }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
