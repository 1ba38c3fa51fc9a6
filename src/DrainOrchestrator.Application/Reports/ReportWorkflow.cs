using DrainOrchestrator.Engine.Reports;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The workflow instance a report covers: what ran, how it ended, and who did what.</summary>
public sealed record ReportWorkflow(
    Guid Id, string Name, string Workflow, int Version, string Cluster, string State, string? RequestedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? OutcomeReason, IReadOnlyList<ReportWorkflowStep> Steps,
    IReadOnlyList<ReportAction> Actions);

/// <summary>One step run of a workflow instance.</summary>
public sealed record ReportWorkflowStep(string Key, string Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
