namespace DrainOrchestrator.Persistence.Workflows;

/// <summary>A stored schedule: the pinned workflow it runs and when.</summary>
public sealed record ScheduleRecord(
    Guid Id, string Name, string Cluster, string Workflow, int WorkflowVersion, string Definition, string ContentHash, string ArgumentsJson, string Cron, string TimeZone,
    double DurationSeconds, string ExclusionsJson, string MisfireAction, double MisfireGraceSeconds, string? CreatedBy, DateTimeOffset CreatedAt);

/// <summary>One occurrence of a schedule as recorded: fired (with its instance) or skipped (with why).</summary>
public sealed record FiringRecord(Guid ScheduleId, DateTimeOffset DueAt, string Outcome, string? Reason, Guid? InstanceId, DateTimeOffset RecordedAt,
    string RecordedBy);
