namespace DrainOrchestrator.Application.Drains;

/// <summary>One VM of a drain: its latest attempt.</summary>
public sealed record VmView(
    string Namespace, string Name, string SourceNode, string? TargetNode, int Attempt, int Wave, string Outcome, string? Mode,
    string? FailureReason, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
