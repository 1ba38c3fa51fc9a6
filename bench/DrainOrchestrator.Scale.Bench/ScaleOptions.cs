using System.CommandLine;
using DrainOrchestrator.Bench.Shared;
using DrainOrchestrator.Scale.Bench.Clusters;

namespace DrainOrchestrator.Scale.Bench;

/// <summary>Command-line options of the scale bench.</summary>
internal sealed record ScaleOptions
{
    /// <summary>Smaller sizes and fewer repeats, written under results/tmp by scripts/bench.sh.</summary>
    public bool Quick { get; init; }

    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>The clusters to plan and schedule.</summary>
    public IReadOnlyList<ScaleCase> Cases { get; init; } = ScaleCase.Standard;

    /// <summary>Measured scheduler decisions per drain phase.</summary>
    public int Decisions { get; init; } = 400;

    /// <summary>Planning runs per size (the first is reported apart as cold).</summary>
    public int PlanningRuns { get; init; } = 7;

    /// <summary>Whether to measure drainctl's report (needs PostgreSQL's binaries or DRAIN_TEST_DB).</summary>
    public bool Report { get; init; } = true;

    /// <summary>Migration attempts recorded for the report measurement.</summary>
    public int ReportAttempts { get; init; } = 100_000;

    /// <summary>Report runs per format.</summary>
    public int ReportRuns { get; init; } = 3;

    /// <summary>Whether to run the engine bench (needs PostgreSQL like the report).</summary>
    public bool Engine { get; init; } = true;

    /// <summary>Whether to run the engine bench alone (no planning, decisions or report).</summary>
    public bool EngineOnly { get; init; }

    public Engine.EngineBenchOptions EngineBench { get; init; } = new();

    /// <summary>When set, only replay the decisions and write one line per decision to this file (no timing).</summary>
    public string? TracePath { get; init; }

    /// <summary>Parses <paramref name="args"/>; null when the bench must not run (help printed, or bad input reported), with its exit code.</summary>
    public static ScaleOptions? Parse(IReadOnlyList<string> args, out int exitCode)
    {
        var standard = new ScaleOptions();
        var quick = new Option<bool>("--quick") { Description = "Smaller sizes and fewer repeats (1000x20000 for the engine), written under results/tmp by scripts/bench.sh." };
        var output = BenchCommandLine.Path("--out", "DIR", "Where the results go. [default: bench/results]");
        var sizes = new Option<IReadOnlyList<ScaleCase>?>("--sizes")
        {
            HelpName = "NODESxVMIS[,...]",
            Description = "The clusters to plan and schedule, e.g. 1000x20000,5000x100000 (at least 10 nodes each).",
            CustomParser = r => ScaleCase.TryParseList(r.Tokens[^1].Value, out var cases) && cases.Count > 0 ? cases
                : BenchCommandLine.Reject<IReadOnlyList<ScaleCase>?>(r, null, "a list of NODESxVMIS sizes with at least 10 nodes, such as 1000x20000,5000x100000"),
        };
        var decisions = BenchCommandLine.Integer("--decisions", standard.Decisions, "Measured scheduler decisions per drain phase. (100 with --quick)");
        var noReport = new Option<bool>("--no-report") { Description = "Skip drainctl's report (which needs PostgreSQL's binaries or DRAIN_TEST_DB)." };
        var reportAttempts = BenchCommandLine.Integer("--report-attempts", standard.ReportAttempts, "Migration attempts recorded for the report measurement. (10000 with --quick)");
        var noEngine = new Option<bool>("--no-engine") { Description = "Skip the engine bench." };
        var engineOnly = new Option<bool>("--engine-only") { Description = "Run the engine bench alone (no planning, decisions or report)." };
        var engineSize = new Option<ScaleCase?>("--engine-size")
        {
            HelpName = "NODESxVMIS",
            Description = "The engine bench's cluster. [default: 5000x100000, 1000x20000 with --quick]",
            CustomParser = r => ScaleCase.TryParseList(r.Tokens[^1].Value, out var cases) && cases.Count == 1 ? cases[0]
                : BenchCommandLine.Reject<ScaleCase?>(r, null, "one NODESxVMIS size with at least 10 nodes, such as 5000x100000"),
        };
        var engineMigrations = BenchCommandLine.Integer("--engine-migrations", standard.EngineBench.Migrations, "Migrations the engine bench drives. (100 with --quick)");
        var engineMinutes = BenchCommandLine.Integer("--engine-minutes", (int)standard.EngineBench.Timeout.TotalMinutes, "How long the engine bench may take, in minutes.");
        var engineLabel = new Option<string?>("--engine-label")
        {
            HelpName = "LABEL",
            Description = "Names the engine bench's run in the results.",
            CustomParser = r => r.Tokens[^1].Value is { Length: > 0 } label ? label : BenchCommandLine.Reject<string?>(r, null, "a non-empty label"),
        };
        var trace = BenchCommandLine.Path("--trace", "FILE", "Only replay the decisions and write one line per decision to this file (no timing).");
        var command = new RootCommand("The scale bench: planning and scheduling-decision time per cluster size, drainctl's report, and the engine at scale.")
        {
            quick, output, sizes, decisions, noReport, reportAttempts, noEngine, engineOnly, engineSize, engineMigrations, engineMinutes, engineLabel, trace,
        };
        if (BenchCommandLine.Parse(command, args, out exitCode) is not { } parsed)
        {
            return null;
        }

        var options = parsed.GetValue(quick)
            ? standard with
            {
                Quick = true,
                Cases = ScaleCase.Quick,
                Decisions = 100,
                PlanningRuns = 3,
                ReportAttempts = 10_000,
                ReportRuns = 2,
                EngineBench = standard.EngineBench with { Size = new ScaleCase(1000, 20_000), Migrations = 100 },
            }
            : standard;
        var engine = options.EngineBench;
        return options with
        {
            OutputDirectory = parsed.GetValue(output) ?? Path.Combine(RepositoryRoot(), "bench", "results"),
            Cases = parsed.GetValue(sizes) ?? options.Cases,
            Decisions = Given(parsed, decisions) ?? options.Decisions,
            Report = !parsed.GetValue(noReport),
            ReportAttempts = Given(parsed, reportAttempts) ?? options.ReportAttempts,
            Engine = !parsed.GetValue(noEngine),
            EngineOnly = parsed.GetValue(engineOnly),
            EngineBench = engine with
            {
                Size = parsed.GetValue(engineSize) ?? engine.Size,
                Migrations = Given(parsed, engineMigrations) ?? engine.Migrations,
                Timeout = TimeSpan.FromMinutes(parsed.GetValue(engineMinutes)),
                Label = parsed.GetValue(engineLabel) ?? engine.Label,
            },
            TracePath = parsed.GetValue(trace),
        };
    }

    // A flag's value when given; null leaves the default of the run (--quick changes some).
    private static int? Given(ParseResult parsed, Option<int> option) =>
        parsed.GetResult(option) is { Implicit: false } ? parsed.GetValue(option) : null;

    // The folder holding DrainOrchestrator.sln, from the working directory up; else the working directory.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DrainOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
