using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>What the fault rules decided for one request.</summary>
/// <param name="Delay">How long to wait before serving (or failing) the request.</param>
/// <param name="Failure">The status to fail with, or null to serve normally.</param>
/// <param name="DropWatchAfter">For a watch, when to cut the stream; null to leave it alone.</param>
public sealed record FaultDecision(TimeSpan Delay, ApiStatus? Failure, TimeSpan? DropWatchAfter)
{
    /// <summary>When set, the request is carried out and then answered this way instead of with its result.</summary>
    public AmbiguousAnswer? Ambiguous { get; init; }

    /// <summary>No fault.</summary>
    public static FaultDecision None { get; } = new(TimeSpan.Zero, null, null);
}
