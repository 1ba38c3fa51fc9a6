using System.Globalization;
using DrainOrchestrator.Scale.Bench.Clusters;

namespace DrainOrchestrator.Scale.Bench;

/// <summary>Command-line options of the scale bench.</summary>
internal sealed record ScaleOptions
{
    public const string Usage =
        "usage: DrainOrchestrator.Scale.Bench [--quick] [--out DIR] [--sizes NODESxVMIS[,...]] [--decisions N] [--no-report] [--report-attempts N] [--trace FILE]\n"
        + "       [--no-engine | --engine-only] [--engine-size NODESxVMIS] [--engine-migrations N] [--engine-minutes N] [--engine-label LABEL]";

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

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are wrong.</summary>
    public static ScaleOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new ScaleOptions { OutputDirectory = Path.Combine(RepositoryRoot(), "bench", "results") };
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--quick":
                    options = options with
                    {
                        Quick = true,
                        Cases = ScaleCase.Quick,
                        Decisions = 100,
                        PlanningRuns = 3,
                        ReportAttempts = 10_000,
                        ReportRuns = 2,
                        EngineBench = options.EngineBench with { Size = new ScaleCase(1000, 20_000), Migrations = 100 },
                    };
                    break;
                case "--out" when Value() is { } output:
                    options = options with { OutputDirectory = Path.GetFullPath(output) };
                    break;
                case "--sizes" when Value() is { } sizes && ScaleCase.TryParseList(sizes, out var cases):
                    options = options with { Cases = cases };
                    break;
                case "--decisions" when PositiveInt(Value()) is { } decisions:
                    options = options with { Decisions = decisions };
                    break;
                case "--report-attempts" when PositiveInt(Value()) is { } attempts:
                    options = options with { ReportAttempts = attempts };
                    break;
                case "--no-report":
                    options = options with { Report = false };
                    break;
                case "--no-engine":
                    options = options with { Engine = false };
                    break;
                case "--engine-only":
                    options = options with { EngineOnly = true };
                    break;
                case "--engine-size" when Value() is { } size && ScaleCase.TryParseList(size, out var engineCases) && engineCases.Count == 1:
                    options = options with { EngineBench = options.EngineBench with { Size = engineCases[0] } };
                    break;
                case "--engine-migrations" when PositiveInt(Value()) is { } migrations:
                    options = options with { EngineBench = options.EngineBench with { Migrations = migrations } };
                    break;
                case "--engine-minutes" when PositiveInt(Value()) is { } minutes:
                    options = options with { EngineBench = options.EngineBench with { Timeout = TimeSpan.FromMinutes(minutes) } };
                    break;
                case "--engine-label" when Value() is { Length: > 0 } label:
                    options = options with { EngineBench = options.EngineBench with { Label = label } };
                    break;
                case "--trace" when Value() is { } trace:
                    options = options with { TracePath = Path.GetFullPath(trace) };
                    break;
                default:
                    error = $"unexpected or malformed argument \"{args[i]}\"";
                    return null;
            }
        }

        return options;
    }

    private static int? PositiveInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

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
