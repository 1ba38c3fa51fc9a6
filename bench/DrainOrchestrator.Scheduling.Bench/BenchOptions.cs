namespace DrainOrchestrator.Scheduling.Bench;

/// <summary>Command-line options of the bench.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: DrainOrchestrator.Scheduling.Bench [--quick] [--suite FILE] [--out DIR] [--only ID[,ID...]] [--blind | --with-blind]";

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

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are wrong.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var root = FindRepositoryRoot();
        var options = new BenchOptions
        {
            SuitePath = Path.Combine(root, "bench", "scenarios", "suite.yaml"),
            OutputDirectory = Path.Combine(root, "bench", "results"),
        };
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--blind":
                    options = options with { Blind = true };
                    break;
                case "--with-blind":
                    options = options with { WithBlind = true };
                    break;
                case "--suite" when Value() is { } suite:
                    options = options with { SuitePath = Path.GetFullPath(suite) };
                    break;
                case "--out" when Value() is { } output:
                    options = options with { OutputDirectory = Path.GetFullPath(output) };
                    break;
                case "--only" when Value() is { } only:
                    options = options with
                    {
                        Only = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .ToHashSet(StringComparer.Ordinal),
                    };
                    break;
                default:
                    error = $"unexpected argument \"{args[i]}\"";
                    return null;
            }
        }

        if (options.Blind && options.WithBlind)
        {
            error = "--blind and --with-blind exclude each other";
            return null;
        }

        return options;
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
