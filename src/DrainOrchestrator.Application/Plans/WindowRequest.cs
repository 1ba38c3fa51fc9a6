using DrainOrchestrator.Application.Workflows;

namespace DrainOrchestrator.Application.Plans;

/// <summary>
/// The window a plan is asked to fit: the end of the current one, a recurring schedule (cron, time zone, duration), or
/// both (the schedule then gives the length of the later windows).
/// </summary>
/// <param name="End">The current window's end; null to take the schedule's current or next window.</param>
/// <param name="Schedule">The recurring windows; null for one window ending at <paramref name="End"/>.</param>
public sealed record WindowRequest(DateTimeOffset? End, ScheduleQuery? Schedule);
