namespace DrainOrchestrator.Engine.Reports;

/// <summary>Who did what, and when: a request, a signal, an approval, an engine taking up the work.</summary>
/// <param name="At">When it was recorded.</param>
/// <param name="Action">What was done, e.g. <c>requested</c>, <c>pause</c>, <c>approved</c>.</param>
/// <param name="Actor">Who did it (a user with the front door, or an engine process).</param>
/// <param name="Detail">More to say (the state it moved the work from and to, the step approved), or null.</param>
public sealed record ReportAction(DateTimeOffset At, string Action, string Actor, string? Detail);
