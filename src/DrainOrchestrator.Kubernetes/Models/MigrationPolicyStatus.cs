namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Status of a migration policy (no fields today; anything the server sends is preserved).</summary>
public sealed class MigrationPolicyStatus : WireModel
{
}
