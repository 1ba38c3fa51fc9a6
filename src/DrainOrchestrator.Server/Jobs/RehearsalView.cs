using System.Text.Json.Nodes;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>A rehearsal requested through the API, as <c>GET /api/v1/rehearsals/{id}</c> shows it.</summary>
/// <param name="Id">Its id (the Hangfire job's).</param>
/// <param name="State"><c>queued</c>, <c>running</c>, <c>succeeded</c> (it ran: <see cref="Result"/> says how the rehearsed drain went), <c>failed</c> (it could not run: <see cref="Error"/>) or <c>cancelled</c>.</param>
/// <param name="Nodes">The snapshot's nodes it drains.</param>
/// <param name="Speed">Cluster seconds per wall-clock second.</param>
/// <param name="CompareKubeVirt">Whether KubeVirt alone is rehearsed too.</param>
/// <param name="RequestedBy">Who asked for it.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="StartedAt">When a worker started it.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Result">The rehearsal's document, as <c>drainctl rehearse --output json</c> prints it; null until it succeeded.</param>
/// <param name="Error">Why it could not run; null unless it failed.</param>
public sealed record RehearsalView(
    string Id,
    string State,
    IReadOnlyList<string> Nodes,
    double Speed,
    bool CompareKubeVirt,
    string RequestedBy,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JsonObject? Result,
    string? Error);
