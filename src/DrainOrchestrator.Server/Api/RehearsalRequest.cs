using System.Text.Json.Nodes;

namespace DrainOrchestrator.Server.Api;

/// <summary>The body of <c>POST /api/v1/rehearsals</c> (documentation shape; read by <see cref="RehearsalRequestReader"/>).</summary>
/// <param name="Scenario">The snapshot to rehearse on: the text of the file <c>drainctl snapshot --out FILE</c> writes.</param>
/// <param name="Nodes">The snapshot's nodes to drain.</param>
/// <param name="Policy">The drain policy, as for <c>POST /api/v1/drains</c>.</param>
/// <param name="Speed">Cluster seconds per wall-clock second (1 to 200; default 50).</param>
/// <param name="WindowMinutes">The maintenance window's length the drain must fit, in cluster minutes.</param>
/// <param name="CompareKubeVirt">Also rehearse KubeVirt's evacuation controller alone on the same nodes.</param>
/// <param name="KubevirtTimeoutMinutes">How long (cluster time) KubeVirt alone may take before the comparison stops waiting (default 120).</param>
public sealed record RehearsalRequest(string Scenario, IReadOnlyList<string> Nodes, JsonObject? Policy = null, double? Speed = null,
    double? WindowMinutes = null, bool? CompareKubeVirt = null, double? KubevirtTimeoutMinutes = null);
