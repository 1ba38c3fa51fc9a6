namespace DrainOrchestrator.Application.Plans;

/// <summary>One VM of a plan, as both front doors show it.</summary>
public sealed record PlanRow(
    string Vmi, string Node, string Disposition, int Wave, string? Reason, string? Detail, double? PredictedSeconds, string? PredictedMode);
