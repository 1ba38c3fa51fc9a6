namespace DrainOrchestrator.Core.Policy;

/// <summary>
/// What a drain does when its migrations use the pod network although the KubeVirt CR configures a dedicated migration
/// network (<c>spec.configuration.migrations.network</c>): KubeVirt falls back to the pod network without a word when a
/// node lacks the network's interface.
/// </summary>
public enum MigrationNetworkPolicy
{
    /// <summary>Record it per migration, log it and show it in the report; the drain goes on.</summary>
    Warn,

    /// <summary>
    /// Fail the drain at the first such migration, or before any further VM moves when the network's definition is
    /// unusable or cannot be read.
    /// </summary>
    Fail,

    /// <summary>Do not check: the network's definition is not read, and only the target address is recorded.</summary>
    Off,
}
