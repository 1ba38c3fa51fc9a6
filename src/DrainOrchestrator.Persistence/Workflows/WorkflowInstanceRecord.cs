namespace DrainOrchestrator.Persistence.Workflows;

/// <summary>A workflow instance as recorded, with the definition text it pinned.</summary>
public sealed record WorkflowInstanceRecord(
    Guid Id,
    string Name,
    string Workflow,
    int WorkflowVersion,
    string ContentHash,
    string Definition,
    string ArgumentsJson,
    string Cluster,
    string State,
    string? WaitingFor,
    string? RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? OutcomeReason)
{
    /// <summary>Whether the instance ended.</summary>
    public bool IsFinal => State is "succeeded" or "failed" or "cancelled";
}
