using DrainOrchestrator.Scale.Bench.Clusters;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>The engine bench's cluster, how its migrations progress, and how many it measures.</summary>
internal sealed record EngineBenchOptions
{
    /// <summary>Issue 16's size: 5,000 nodes with 100,000 VMIs, 500 of the nodes drained.</summary>
    public ScaleCase Size { get; init; } = new(5000, 100_000);

    /// <summary>Migrations measured after the first one succeeds.</summary>
    public int Migrations { get; init; } = 400;

    /// <summary>From a VMIM's creation until it runs.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>From a VMIM's creation until it succeeds.</summary>
    public TimeSpan MigrationTime { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Changes per second to VMIs nobody migrates.</summary>
    public double ChurnPerSecond { get; init; } = 200;

    /// <summary>
    /// How long the bench waits for the first success (a stuck engine fails the bench), then for the measured migrations
    /// (a slow engine is measured on what it did by then).
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What this run measures, e.g. the commit: "before" or "after" a change.</summary>
    public string Label { get; init; } = "current";

    /// <summary>An earlier result (scale-engine JSON) to print beside this one; null for none.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>The tiny run of the bench's smoke test.</summary>
    public static EngineBenchOptions Smoke { get; } = new()
    {
        Size = new ScaleCase(40, 400),
        Migrations = 10,
        MigrationTime = TimeSpan.FromMilliseconds(60),
        StartDelay = TimeSpan.FromMilliseconds(10),
        ChurnPerSecond = 50,
        Timeout = TimeSpan.FromMinutes(3),
    };
}
