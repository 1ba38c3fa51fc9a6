namespace DrainOrchestrator.Application.Plans;

/// <summary>One VM of a plan, as both front doors show it.</summary>
public sealed record PlanRow(
    string Vmi, string Node, string Disposition, int Wave, string? Reason, string? Detail, double? PredictedSeconds, string? PredictedMode)
{
    /// <summary>Where the plan's capacity check placed the VM; the scheduler picks the real target when it starts it. Null when it does not move.</summary>
    public string? TentativeTarget { get; init; }
}
