using System.CommandLine;
using DrainOrchestrator.Bench.Shared;

namespace DrainOrchestrator.Orchestration.Bench;

/// <summary>Command-line options of the bench.</summary>
internal sealed record BenchOptions
{
    /// <summary>The reduced run: the small scenario, one run.</summary>
    public bool Quick { get; init; }

    /// <summary>How many drains to run; the summary reports the median run and every run.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>The simulator's speed (model seconds per wall second); 1 makes model time wall time.</summary>
    public double Speed { get; init; } = 1;

    public string Scenario { get; init; } = string.Empty;

    public IReadOnlyList<string> Nodes { get; init; } = [];

    public int MaxParallel { get; init; } = 5;

    public int MaxOutbound { get; init; } = 2;

    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>
    /// Run drainctl without <c>-v</c>: no pass markers, so no refill latency (only the ground truth's idle gap), but the
    /// CPU time and memory without the verbose log's cost. For comparison.
    /// </summary>
    public bool QuietEngine { get; init; }

    /// <summary>Where each run's raw material (engine log, ground truth, statements) is kept; a temporary folder when null.</summary>
    public string? KeepDirectory { get; init; }

    /// <summary>Only analyse the raw material a previous run kept there (no processes are started).</summary>
    public string? AnalyzeDirectory { get; init; }

    /// <summary>
    /// The cluster-time comparison (issue 16, point 1): the scheduling bench's case with this scenario id is drained over
    /// HTTPS (its scenario, nodes and limits) and its makespan in model time compared with the virtual-time one.
    /// </summary>
    public string? ClusterTimeCase { get; init; }

    /// <summary>The limit setting of <see cref="ClusterTimeCase"/> (a name of suite.yaml's limits).</summary>
    public string ClusterTimeLimits { get; init; } = "upstream";

    /// <summary>The scheduling bench's <c>scheduling.json</c> that holds <see cref="ClusterTimeCase"/>.</summary>
    public string VirtualTimeResults { get; init; } = string.Empty;

    /// <summary>Parses <paramref name="args"/>; null when the bench must not run (help printed, or bad input reported), with its exit code.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, string root, out int exitCode)
    {
        var quick = new Option<bool>("--quick") { Description = "The reduced run: the small scenario, nodes drain-1 and drain-2, one run; results under bench/results/tmp." };
        var runs = BenchCommandLine.Integer("--runs", 3, "How many drains to run; the summary reports the median run and every run. (1 with --quick)");
        var speed = BenchCommandLine.PositiveNumber("--speed", 1, "The simulator's speed (model seconds per wall second); 1 makes model time wall time.");
        var scenario = BenchCommandLine.Path("--scenario", "FILE", "The cluster. [default: bench/scenarios/orchestration.yaml, orchestration-quick.yaml with --quick]");
        var nodes = new Option<string[]>("--node") { HelpName = "NODE", Description = "A node to drain, repeatable. [default: drain-1 to drain-4, drain-1 and drain-2 with --quick]", AllowMultipleArgumentsPerToken = false };
        var maxParallel = BenchCommandLine.Integer("--max-parallel", 5, "drainctl drain's --max-parallel: migrations at once in the cluster.");
        var maxOutbound = BenchCommandLine.Integer("--max-outbound", 2, "drainctl drain's --max-outbound: migrations at once out of one node.");
        var quietEngine = new Option<bool>("--quiet-engine") { Description = "Run drainctl without -v: no refill latency, but the CPU time and memory without the verbose log's cost." };
        var output = BenchCommandLine.Path("--out", "DIR", "Where the results go. [default: bench/results, bench/results/tmp with --quick]");
        var keep = BenchCommandLine.Path("--keep", "DIR", "Keep each run's raw material (engine log, ground truth, statements) here. [default: a temporary folder, deleted]");
        var analyze = BenchCommandLine.Path("--analyze", "DIR", "Only analyse the raw material a previous run kept there (no processes are started).");
        var clusterTime = new Option<string?>("--cluster-time-case")
        {
            HelpName = "ID",
            Description = "Drain the scheduling bench's case with this scenario id (its scenario, nodes, limits and hints; --scenario, --node, --max-parallel and "
                + "--max-outbound are then ignored) and compare its makespan in model time with the virtual-time one; writes cluster-time.json and .md.",
        };
        var limits = new Option<string>("--limits") { HelpName = "NAME", Description = "The case's limit setting (suite.yaml's limits). [default: upstream]" };
        var virtualTime = BenchCommandLine.Path("--virtual-time", "FILE", "The scheduling bench's results holding the case. [default: scheduling.json in --out]");
        var command = new RootCommand("The orchestration bench: real drains by drainctl against drain-sim and a private PostgreSQL, with slot refill latency, API requests and statements per migration.")
        {
            quick, runs, speed, scenario, nodes, maxParallel, maxOutbound, quietEngine, output, keep, analyze, clusterTime, limits, virtualTime,
        };
        if (BenchCommandLine.Parse(command, args, out exitCode) is not { } parsed)
        {
            return null;
        }

        var isQuick = parsed.GetValue(quick);
        var scenarios = Path.Combine(root, "bench", "scenarios");
        var given = parsed.GetValue(nodes) ?? [];
        var outputDirectory = parsed.GetValue(output) ?? Path.Combine(root, "bench", "results", isQuick ? "tmp" : "");
        return new BenchOptions
        {
            Quick = isQuick,
            Runs = isQuick && parsed.GetResult(runs) is not { Implicit: false } ? 1 : parsed.GetValue(runs),
            Speed = parsed.GetValue(speed),
            Scenario = parsed.GetValue(scenario) ?? Path.Combine(scenarios, isQuick ? "orchestration-quick.yaml" : "orchestration.yaml"),
            Nodes = given.Length > 0 ? given : isQuick ? ["drain-1", "drain-2"] : ["drain-1", "drain-2", "drain-3", "drain-4"],
            MaxParallel = parsed.GetValue(maxParallel),
            MaxOutbound = parsed.GetValue(maxOutbound),
            QuietEngine = parsed.GetValue(quietEngine),

            // Like the scheduling bench: the reduced run's results are not committed.
            OutputDirectory = outputDirectory,
            KeepDirectory = parsed.GetValue(keep),
            AnalyzeDirectory = parsed.GetValue(analyze),
            ClusterTimeCase = parsed.GetValue(clusterTime),
            ClusterTimeLimits = parsed.GetValue(limits) ?? "upstream",
            VirtualTimeResults = parsed.GetValue(virtualTime) ?? Path.Combine(outputDirectory, "scheduling.json"),
        };
    }
}
