namespace DrainOrchestrator.Core.Windows;

/// <summary>A maintenance window: the time in which a drain may start migrations.</summary>
/// <param name="Start">When it opens.</param>
/// <param name="End">When it closes.</param>
public sealed record MaintenanceWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Its length.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>Whether <paramref name="at"/> is inside it.</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;
}
