namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>Settings of the object store.</summary>
public sealed record StoreOptions
{
    /// <summary>Default for <see cref="EventRetention"/>.</summary>
    public const int DefaultEventRetention = 50_000;

    /// <summary>Default for <see cref="MaxQueuedEventsPerWatch"/>.</summary>
    public const int DefaultMaxQueuedEventsPerWatch = 200_000;

    /// <summary>How many of the newest changes are kept for watches resuming from a resourceVersion.</summary>
    public int EventRetention { get; init; } = DefaultEventRetention;

    /// <summary>A watch whose reader falls this far behind is closed, as kube-apiserver closes slow watchers.</summary>
    public int MaxQueuedEventsPerWatch { get; init; } = DefaultMaxQueuedEventsPerWatch;

    /// <summary>Seed of the uid and generateName suffix generator, for reproducible runs.</summary>
    public int Seed { get; init; }

    /// <summary>Every problem with the settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (EventRetention < 1)
        {
            problems.Add($"EventRetention must be at least 1, was {EventRetention}");
        }

        if (MaxQueuedEventsPerWatch < 1)
        {
            problems.Add($"MaxQueuedEventsPerWatch must be at least 1, was {MaxQueuedEventsPerWatch}");
        }

        return problems;
    }
}
