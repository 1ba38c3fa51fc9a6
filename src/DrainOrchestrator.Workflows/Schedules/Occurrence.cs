namespace DrainOrchestrator.Workflows.Schedules;

/// <summary>One maintenance window: when it opens and closes, in UTC and in the schedule's time zone.</summary>
/// <param name="Start">Opens, in UTC.</param>
/// <param name="End">Closes, in UTC (start plus the schedule's duration, in elapsed time).</param>
/// <param name="LocalStart">Opens, in the schedule's zone, with that moment's offset.</param>
/// <param name="LocalEnd">Closes, in the schedule's zone, with that moment's offset.</param>
public sealed record Occurrence(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset LocalStart, DateTimeOffset LocalEnd);
