using System.CommandLine;
using DrainOrchestrator.Bench.Shared;

namespace DrainOrchestrator.Server.Bench;

/// <summary>Command-line options of the server bench.</summary>
internal sealed record ServerBenchOptions
{
    /// <summary>The phases, in the order they run.</summary>
    public static readonly IReadOnlyList<string> AllPhases = ["api", "sse", "refill"];

    /// <summary>The short run: the small scenarios, few clients and subscribers, one refill drain.</summary>
    public bool Smoke { get; init; }

    public IReadOnlyList<string> Phases { get; init; } = AllPhases;

    /// <summary>How many clients poll drain status during the API phase.</summary>
    public int Clients { get; init; } = 50;

    /// <summary>
    /// How often each client asks (its next request is due this long after the previous one was due, or at once when
    /// the answer came later than that); zero asks again as soon as an answer is in (closed loop).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Every Nth request of a client lists the drains (<c>GET /api/v1/drains</c>); the others get one drain.</summary>
    public int ListEvery { get; init; } = 5;

    /// <summary>How many clients follow <c>GET /api/v1/events</c> during the fan-out phase.</summary>
    public int Subscribers { get; init; } = 200;

    /// <summary>How many single drains measure the refill latency in server mode; the report gives their median.</summary>
    public int RefillRuns { get; init; } = 3;

    /// <summary>Whether each server-mode refill run is followed by the same drain run by <c>drainctl drain</c>, the reference from the same minutes.</summary>
    public bool PairDrainctl { get; init; } = true;

    /// <summary>The simulator's speed in every phase; 1 makes model time wall time, which the refill latency needs.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>The cluster of the API and fan-out phases: three drains of disjoint nodes run at once.</summary>
    public string Scenario { get; init; } = string.Empty;

    /// <summary>The three drains' nodes in <see cref="Scenario"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Drains { get; init; } = [];

    /// <summary>The cluster of the refill phase (the orchestration bench's, so the two engines' figures compare).</summary>
    public string RefillScenario { get; init; } = string.Empty;

    /// <summary>The refill drain's nodes in <see cref="RefillScenario"/>.</summary>
    public IReadOnlyList<string> RefillNodes { get; init; } = [];

    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>Where each phase's server log and ground truth are kept; a temporary folder (deleted) when null.</summary>
    public string? KeepDirectory { get; init; }

    public bool Runs(string phase) => Phases.Contains(phase, StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; null when the bench must not run (help printed, or bad input reported), with its exit code.</summary>
    public static ServerBenchOptions? Parse(IReadOnlyList<string> args, string root, out int exitCode)
    {
        var standard = new ServerBenchOptions();
        var smoke = new Option<bool>("--smoke") { Description = "The short run: the small scenarios, 10 clients, 20 subscribers, one refill drain; results under bench/results/tmp." };
        var only = new Option<IReadOnlyList<string>?>("--only")
        {
            HelpName = "api,sse,refill",
            Description = "The phases to run, comma-separated. [default: all three]",
            CustomParser = r => r.Tokens[^1].Value.Split(',') is var phases && phases.All(p => AllPhases.Contains(p, StringComparer.Ordinal))
                ? [.. AllPhases.Where(p => phases.Contains(p, StringComparer.Ordinal))]
                : BenchCommandLine.Reject<IReadOnlyList<string>?>(r, null, "a comma-separated list of " + string.Join(", ", AllPhases)),
        };
        var clients = BenchCommandLine.Integer("--clients", standard.Clients, "Clients polling drain status during the API phase. (10 with --smoke)");
        var pollInterval = BenchCommandLine.Integer("--poll-interval-ms", (int)standard.PollInterval.TotalMilliseconds,
            "How often each client asks, in milliseconds; 0 asks again as soon as an answer is in.", minimum: 0);
        var listEvery = BenchCommandLine.Integer("--list-every", standard.ListEvery, "Every Nth request of a client lists the drains; the others get one drain.");
        var subscribers = BenchCommandLine.Integer("--subscribers", standard.Subscribers, "Clients following GET /api/v1/events during the fan-out phase. (20 with --smoke)");
        var refillRuns = BenchCommandLine.Integer("--refill-runs", standard.RefillRuns, "Single drains measuring the refill latency in server mode; the report gives their median. (1 with --smoke)");
        var noPair = new Option<bool>("--no-pair") { Description = "Do not follow each server-mode refill run with the same drain run by drainctl drain." };
        var speed = BenchCommandLine.PositiveNumber("--speed", standard.Speed, "The simulator's speed in every phase; 1 makes model time wall time, which the refill latency needs.");
        var scenario = BenchCommandLine.Path("--scenario", "FILE", "The cluster of the API and fan-out phases. [default: bench/scenarios/server.yaml, server-smoke.yaml with --smoke]");
        var refillScenario = BenchCommandLine.Path("--refill-scenario", "FILE", "The cluster of the refill phase. [default: the orchestration bench's]");
        var output = BenchCommandLine.Path("--out", "DIR", "Where the results go. [default: bench/results, bench/results/tmp with --smoke]");
        var keep = BenchCommandLine.Path("--keep", "DIR", "Keep each phase's server log and ground truth here. [default: a temporary folder, deleted]");
        var command = new RootCommand("The server bench: drainctl serve's API latency, Server-Sent Events fan-out and slot refill latency, against drain-sim and a private PostgreSQL.")
        {
            smoke, only, clients, pollInterval, listEvery, subscribers, refillRuns, noPair, speed, scenario, refillScenario, output, keep,
        };
        if (BenchCommandLine.Parse(command, args, out exitCode) is not { } parsed)
        {
            return null;
        }

        var isSmoke = parsed.GetValue(smoke);
        var scenarios = Path.Combine(root, "bench", "scenarios");
        return new ServerBenchOptions
        {
            Smoke = isSmoke,
            Phases = parsed.GetValue(only) ?? AllPhases,
            Clients = isSmoke && !Given(parsed, clients) ? 10 : parsed.GetValue(clients),
            PollInterval = TimeSpan.FromMilliseconds(parsed.GetValue(pollInterval)),
            ListEvery = parsed.GetValue(listEvery),
            Subscribers = isSmoke && !Given(parsed, subscribers) ? 20 : parsed.GetValue(subscribers),
            RefillRuns = isSmoke && !Given(parsed, refillRuns) ? 1 : parsed.GetValue(refillRuns),
            PairDrainctl = !parsed.GetValue(noPair),
            Speed = parsed.GetValue(speed),

            // Like the other benches: the short run's results are not committed.
            OutputDirectory = parsed.GetValue(output) ?? Path.Combine(root, "bench", "results", isSmoke ? "tmp" : ""),
            KeepDirectory = parsed.GetValue(keep),
            Scenario = parsed.GetValue(scenario) ?? Path.Combine(scenarios, isSmoke ? "server-smoke.yaml" : "server.yaml"),
            Drains = isSmoke ? [["drain-1"], ["drain-2"], ["drain-3"]] : [["drain-1", "drain-2"], ["drain-3", "drain-4"], ["drain-5", "drain-6"]],
            RefillScenario = parsed.GetValue(refillScenario) ?? Path.Combine(scenarios, isSmoke ? "orchestration-quick.yaml" : "orchestration.yaml"),
            RefillNodes = isSmoke ? ["drain-1", "drain-2"] : ["drain-1", "drain-2", "drain-3", "drain-4"],
        };
    }

    private static bool Given(ParseResult parsed, Option<int> option) => parsed.GetResult(option) is { Implicit: false };
}
