namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>The network one migration used, as recorded when it succeeded.</summary>
/// <param name="TargetAddress">The target virt-handler's migration address (<c>migrationState.targetNodeAddress</c>); null when KubeVirt reported none.</param>
/// <param name="MigrationNetwork">The dedicated migration network configured then (namespace/name); null when none was.</param>
/// <param name="OnMigrationNetwork">
/// Whether the address lies in that network's subnet; null when no network was configured or no address was reported.
/// </param>
public sealed record AttemptNetwork(string? TargetAddress, string? MigrationNetwork, bool? OnMigrationNetwork)
{
    /// <summary>True when a dedicated network was configured and the migration provably did not use it.</summary>
    public bool MissedMigrationNetwork => MigrationNetwork is not null && OnMigrationNetwork == false;
}
