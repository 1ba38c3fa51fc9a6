using System.Globalization;

namespace DrainOrchestrator.Orchestration.Bench;

/// <summary>Command-line options of the bench.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: DrainOrchestrator.Orchestration.Bench [--quick] [--runs N] [--speed N] [--scenario FILE] [--node N]... "
        + "[--max-parallel N] [--max-outbound N] [--quiet-engine] [--out DIR] [--keep DIR] [--analyze DIR]";

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

    public static BenchOptions? Parse(IReadOnlyList<string> args, string root, out string? error)
    {
        var options = new BenchOptions();
        var nodes = new List<string>();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--runs" when int.TryParse(Value(), CultureInfo.InvariantCulture, out var runs) && runs > 0:
                    options = options with { Runs = runs };
                    break;
                case "--speed" when double.TryParse(Value(), CultureInfo.InvariantCulture, out var speed) && speed > 0:
                    options = options with { Speed = speed };
                    break;
                case "--scenario" when Value() is { } scenario:
                    options = options with { Scenario = Path.GetFullPath(scenario) };
                    break;
                case "--node" when Value() is { } node:
                    nodes.Add(node);
                    break;
                case "--max-parallel" when int.TryParse(Value(), CultureInfo.InvariantCulture, out var parallel) && parallel > 0:
                    options = options with { MaxParallel = parallel };
                    break;
                case "--max-outbound" when int.TryParse(Value(), CultureInfo.InvariantCulture, out var outbound) && outbound > 0:
                    options = options with { MaxOutbound = outbound };
                    break;
                case "--quiet-engine":
                    options = options with { QuietEngine = true };
                    break;
                case "--out" when Value() is { } output:
                    options = options with { OutputDirectory = Path.GetFullPath(output) };
                    break;
                case "--keep" when Value() is { } keep:
                    options = options with { KeepDirectory = Path.GetFullPath(keep) };
                    break;
                case "--analyze" when Value() is { } analyze:
                    options = options with { AnalyzeDirectory = Path.GetFullPath(analyze) };
                    break;
                default:
                    error = $"unexpected argument or bad value at \"{args[i]}\"";
                    return null;
            }
        }

        if (options.OutputDirectory.Length == 0)
        {
            // Like the scheduling bench: the reduced run's results are not committed.
            options = options with { OutputDirectory = Path.Combine(root, "bench", "results", options.Quick ? "tmp" : "") };
        }

        var scenarios = Path.Combine(root, "bench", "scenarios");
        if (options.Scenario.Length == 0)
        {
            options = options with { Scenario = Path.Combine(scenarios, options.Quick ? "orchestration-quick.yaml" : "orchestration.yaml") };
        }

        if (nodes.Count == 0)
        {
            nodes.AddRange(options.Quick ? ["drain-1", "drain-2"] : ["drain-1", "drain-2", "drain-3", "drain-4"]);
        }

        return options with { Nodes = nodes, Runs = options.Quick && !args.Contains("--runs") ? 1 : options.Runs };
    }
}
