using System.CommandLine;
using DrainOrchestrator.Bench.Shared;

namespace DrainOrchestrator.Scheduling.Bench;

/// <summary>Command-line options of the bench.</summary>
internal sealed record BenchOptions
{
    /// <summary>Only the scenarios marked quick.</summary>
    public bool Quick { get; init; }

    public string SuitePath { get; init; } = string.Empty;

    public string OutputDirectory { get; init; } = string.Empty;

    /// <summary>Scenario ids to run; empty runs all (or all quick ones).</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Map the cluster as the engine does where no hint annotation is set: no NIC bandwidths, no dirty rates.</summary>
    public bool Blind { get; init; }

    /// <summary>Run the orchestrator a second time with the blind mapping and report it beside the informed one.</summary>
    public bool WithBlind { get; init; }

    /// <summary>Parses <paramref name="args"/>; null when the bench must not run (help printed, or bad input reported), with its exit code.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out int exitCode)
    {
        var root = FindRepositoryRoot();
        var quick = new Option<bool>("--quick") { Description = "Only the scenarios marked quick." };
        var suite = BenchCommandLine.Path("--suite", "FILE", "The suite of scenarios and limits. [default: bench/scenarios/suite.yaml]");
        var output = BenchCommandLine.Path("--out", "DIR", "Where the results go. [default: bench/results]");
        var only = new Option<string?>("--only") { HelpName = "ID[,ID...]", Description = "Scenario ids to run. [default: all, or all quick ones]" };
        var blind = new Option<bool>("--blind") { Description = "Map the cluster as the engine does where no hint annotation is set: no NIC bandwidths, no dirty rates." };
        var withBlind = new Option<bool>("--with-blind") { Description = "Run the orchestrator a second time with the blind mapping and report it beside the informed one." };
        withBlind.Validators.Add(r =>
        {
            if (r.GetValue(withBlind) && r.GetValue(blind))
            {
                r.AddError("--blind and --with-blind exclude each other; give one of them");
            }
        });
        var command = new RootCommand("The scheduling bench: the production engine (planner, scheduler, migrate loop, journal) against KubeVirt alone and the lower bound, in virtual time.")
        {
            quick, suite, output, only, blind, withBlind,
        };
        if (BenchCommandLine.Parse(command, args, out exitCode) is not { } parsed)
        {
            return null;
        }

        return new BenchOptions
        {
            Quick = parsed.GetValue(quick),
            SuitePath = parsed.GetValue(suite) ?? Path.Combine(root, "bench", "scenarios", "suite.yaml"),
            OutputDirectory = parsed.GetValue(output) ?? Path.Combine(root, "bench", "results"),
            Only = (parsed.GetValue(only) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal),
            Blind = parsed.GetValue(blind),
            WithBlind = parsed.GetValue(withBlind),
        };
    }

    // The folder holding DrainOrchestrator.sln, from the working directory up; else the working directory.
    private static string FindRepositoryRoot()
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
