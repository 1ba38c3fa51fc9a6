namespace DrainOrchestrator.Core.Policy;

/// <summary>Default values of <see cref="DrainPolicy"/>.</summary>
public static class DrainPolicyDefaults
{
    /// <summary>KubeVirt's default cluster limit.</summary>
    public const int MaxParallelMigrations = 5;

    /// <summary>KubeVirt's default per-node outbound limit.</summary>
    public const int MaxOutboundPerNode = 2;

    /// <summary>Two inbound per target keeps a target's NIC from being shared by more than two streams.</summary>
    public const int MaxInboundPerNode = 2;

    /// <summary>Cordoned nodes are uncordoned when a drain fails or is cancelled.</summary>
    public const bool UncordonOnFailure = true;
}
