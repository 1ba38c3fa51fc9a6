namespace DrainOrchestrator.Application.Workflows;

/// <summary>A workflow instance as the front doors show it, with every step run.</summary>
public sealed record WorkflowView(
    Guid Id, string Name, string Workflow, int Version, string ContentHash, string Cluster, string State, string? WaitingFor,
    string? RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? OutcomeReason,
    IReadOnlyList<WorkflowStepView> Steps);

/// <summary>One step run: its key (batch-prefixed id), kind, state, times and detail (JSON).</summary>
public sealed record WorkflowStepView(string Key, string Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Detail);
