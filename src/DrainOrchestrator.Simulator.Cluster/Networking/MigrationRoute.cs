namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>How one migration travels, decided at hand-off.</summary>
/// <param name="OnMigrationNetwork">Whether the transfer crosses both nodes' migration NICs.</param>
/// <param name="TargetAddress">The target virt-handler's migration address (<c>migrationState.targetNodeAddress</c>).</param>
/// <param name="Failure">Why the migration cannot start at all; null when it can.</param>
internal readonly record struct MigrationRoute(bool OnMigrationNetwork, string TargetAddress, string? Failure = null);
