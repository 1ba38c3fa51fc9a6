using System.Text.Json.Nodes;

namespace DrainOrchestrator.Server.Api;

/// <summary>The body of <c>POST /api/v1/drains</c> and <c>POST /api/v1/plans</c> (documentation shape; read by <see cref="DrainRequestReader"/>).</summary>
/// <param name="Nodes">The nodes to empty.</param>
/// <param name="Policy">The drain policy: drainctl's drain options in camelCase; absent fields take the defaults.</param>
/// <param name="Name">The drain's unique name; generated when absent.</param>
/// <param name="AvoidTargets">Nodes a later drain empties (a rolling upgrade's later batches): targets only when no other node has room.</param>
/// <param name="PreferTargets">Nodes to fill first (already upgraded).</param>
public sealed record DrainRequest(IReadOnlyList<string> Nodes, JsonObject? Policy = null, string? Name = null,
    IReadOnlyList<string>? AvoidTargets = null, IReadOnlyList<string>? PreferTargets = null);
