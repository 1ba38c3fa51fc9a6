namespace DrainOrchestrator.Application.Plans;

/// <summary>One VM of a plan, as both front doors show it.</summary>
public sealed record PlanRow(
    string Vmi, string Node, string Disposition, int Wave, string? Reason, string? Detail, double? PredictedSeconds, string? PredictedMode)
{
    /// <summary>Where the plan's capacity check placed the VM; the scheduler picks the real target when it starts it. Null when it does not move.</summary>
    public string? TentativeTarget { get; init; }

    /// <summary>The dirty rate the prediction assumes, in bytes per second; null when it does not move.</summary>
    public long? DirtyRateBytesPerSecond { get; init; }

    /// <summary>Where that dirty rate came from: <c>annotation</c>, <c>metrics</c>, <c>observed</c> or <c>default</c>; null when it does not move.</summary>
    public string? DirtyRateSource { get; init; }

    /// <summary>Where the migration bandwidth the prediction assumes came from (the same words); null when it does not move.</summary>
    public string? BandwidthSource { get; init; }
}
