using DrainOrchestrator.Application.Health;

namespace DrainOrchestrator.Server.Health;

/// <summary>The answer of <c>/healthz</c> and <c>/readyz</c>.</summary>
/// <param name="Ready">Whether every check passed.</param>
/// <param name="Checks">Each dependency (empty for <c>/healthz</c>).</param>
public sealed record Readiness(bool Ready, IReadOnlyList<ReadinessCheck> Checks);
