using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>A stored schedule as the front doors show it, with its next window (null when the cron has none).</summary>
public sealed record ScheduleView(
    string Name, string Cluster, string Workflow, int WorkflowVersion, string ContentHash, string Cron, string TimeZone, double DurationSeconds,
    IReadOnlyList<string> Exclusions, string MisfireAction, double MisfireGraceSeconds, string? CreatedBy, DateTimeOffset CreatedAt, Occurrence? Next);

/// <summary>The next windows of a schedule, each in UTC and in the schedule's local time (with that moment's offset).</summary>
public sealed record ScheduleWindows(string Cron, string TimeZone, double DurationSeconds, IReadOnlyList<Occurrence> Windows);
