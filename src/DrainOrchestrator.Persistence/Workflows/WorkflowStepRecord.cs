namespace DrainOrchestrator.Persistence.Workflows;

/// <summary>One step run of an instance: its key (batch-prefixed id), kind, state, times and detail (JSON).</summary>
public sealed record WorkflowStepRecord(
    string StepKey, string Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string DetailJson);
