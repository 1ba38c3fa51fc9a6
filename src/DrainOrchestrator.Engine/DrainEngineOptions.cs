namespace DrainOrchestrator.Engine;

/// <summary>How an engine process owns and runs drains. Validated with every problem reported at once.</summary>
public sealed record DrainEngineOptions
{
    /// <summary>This process's identity in leases and the journal.</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long the drain's database lease lasts without a heartbeat; a crashed owner is taken over after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the lease is renewed (and operators' signals are read).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a per-node coordination Lease lasts; renewed as the drain proceeds.</summary>
    public TimeSpan NodeLeaseDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the drain may wait for capacity with nothing in flight before it fails.</summary>
    public TimeSpan StuckTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws with every problem at once when a value is out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Holder))
        {
            problems.Add("Holder must not be empty");
        }

        if (LeaseDuration <= TimeSpan.Zero)
        {
            problems.Add($"LeaseDuration must be positive, was {LeaseDuration}");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatInterval * 2 > LeaseDuration)
        {
            problems.Add($"HeartbeatInterval must be positive and at most half of LeaseDuration ({LeaseDuration}), was {HeartbeatInterval}");
        }

        if (NodeLeaseDuration < TimeSpan.FromSeconds(1))
        {
            problems.Add($"NodeLeaseDuration must be at least 1 s, was {NodeLeaseDuration}");
        }

        if (StuckTimeout <= TimeSpan.Zero)
        {
            problems.Add($"StuckTimeout must be positive, was {StuckTimeout}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid engine options: " + string.Join("; ", problems) + ".");
        }
    }
}
