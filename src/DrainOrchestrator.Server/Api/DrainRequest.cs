using System.Text.Json.Nodes;

namespace DrainOrchestrator.Server.Api;

/// <summary>The body of <c>POST /api/v1/drains</c> and <c>POST /api/v1/plans</c> (documentation shape; read by <see cref="DrainRequestReader"/>).</summary>
/// <param name="Nodes">The nodes to empty.</param>
/// <param name="Policy">The drain policy: drainctl's drain options in camelCase; absent fields take the defaults.</param>
/// <param name="Name">The drain's unique name; generated when absent.</param>
/// <param name="AvoidTargets">Nodes a later drain empties (a rolling upgrade's later batches): targets only when no other node has room.</param>
/// <param name="PreferTargets">Nodes to fill first (already upgraded).</param>
/// <param name="Window">For a plan only (a drain request with one is refused: a drain runs until it ends): the maintenance window the work is to fit; the plan then says whether it fits and how many windows it needs.</param>
public sealed record DrainRequest(IReadOnlyList<string> Nodes, JsonObject? Policy = null, string? Name = null,
    IReadOnlyList<string>? AvoidTargets = null, IReadOnlyList<string>? PreferTargets = null, WindowBody? Window = null);

/// <summary>A plan's maintenance window (documentation shape; read by <see cref="WindowRequestReader"/>).</summary>
/// <param name="End">The current window's end (ISO 8601); absent to take the schedule's current or next window.</param>
/// <param name="Cron">Recurring windows: cron, 5 fields or 6 with seconds first.</param>
/// <param name="TimeZone">The IANA time zone of <paramref name="Cron"/>.</param>
/// <param name="DurationSeconds">The length of each window.</param>
public sealed record WindowBody(DateTimeOffset? End = null, string? Cron = null, string? TimeZone = null, double? DurationSeconds = null);
