namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>The policy of an evacuation: attempts per VM, what to do with receiver objects on failure, the storage class.</summary>
public sealed record EvacuationOptions
{
    /// <summary>The default of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>How many migrationIDs a VM gets before it is given up (it keeps running in the source).</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Keep a failed attempt's receiver VM and DataVolumes (for inspection; the next attempt adopts them); default: delete them.</summary>
    public bool KeepReceiversOnFailure { get; init; }

    /// <summary>The storage class of the blank DataVolumes; null: each source disk's own class, else the target's default.</summary>
    public string? StorageClass { get; init; }

    /// <summary>How often a running evacuation reads both sides again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Every problem with these options, in the user's terms (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxAttempts is < 1 or > 20)
        {
            problems.Add($"the attempts per VM must be between 1 and 20, was {MaxAttempts}");
        }

        if (StorageClass is not null && string.IsNullOrWhiteSpace(StorageClass))
        {
            problems.Add("the storage class must not be blank");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"the poll interval must be positive, was {PollInterval}");
        }

        return problems;
    }
}
