namespace DrainOrchestrator.Workflows.Schedules;

/// <summary>What an occurrence does when it could not fire on time (every replica down, the database unreachable).</summary>
public enum MisfireAction
{
    /// <summary>Fire late, as long as it is within the grace period; past it, skip and record why.</summary>
    FireLate,

    /// <summary>Never fire late: skip and record why.</summary>
    Skip,
}

/// <summary>The misfire policy: the action and how late an occurrence may still fire.</summary>
public sealed record MisfirePolicy(MisfireAction Action, TimeSpan Grace)
{
    /// <summary>Fire up to 10 minutes late, then skip.</summary>
    public static MisfirePolicy Default { get; } = new(MisfireAction.FireLate, TimeSpan.FromMinutes(10));

    /// <summary>
    /// How late a firing still counts as on time, under either action: the tickers that fire occurrences run every second
    /// (the server) or faster (<c>drainctl schedule tick</c>), never on the occurrence's exact instant, and a pass over
    /// the schedules takes a moment.
    /// </summary>
    public static TimeSpan OnTime { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether an occurrence due at <paramref name="due"/> may still fire at <paramref name="now"/>.</summary>
    public bool MayFire(DateTimeOffset due, DateTimeOffset now) =>
        now - due <= OnTime || (Action == MisfireAction.FireLate && now - due <= Grace);
}
