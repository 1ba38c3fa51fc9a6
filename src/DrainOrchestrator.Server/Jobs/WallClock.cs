namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// The process's own clock, beside the engine's (the server's <see cref="TimeProvider"/>, which a test may run fast):
/// what Hangfire does (fetching a job, its invisibility) takes this clock's seconds.
/// </summary>
internal sealed record WallClock(TimeProvider Time);
