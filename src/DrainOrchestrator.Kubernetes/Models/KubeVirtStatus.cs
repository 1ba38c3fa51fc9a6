namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of the KubeVirt installation (kubevirt.io/v1 KubeVirtStatus).</summary>
public sealed class KubeVirtStatus : WireModel
{
    /// <summary><c>Deploying</c>, <c>Deployed</c>, <c>Deleting</c>, <c>Deleted</c>...</summary>
    public string? Phase { get; set; }

    /// <summary>Installation conditions.</summary>
    public List<Condition>? Conditions { get; set; }

    /// <summary>The deployed version.</summary>
    public string? ObservedKubeVirtVersion { get; set; }

    /// <summary>The registry deployed from.</summary>
    public string? ObservedKubeVirtRegistry { get; set; }

    /// <summary>Version being deployed.</summary>
    public string? TargetKubeVirtVersion { get; set; }

    /// <summary>Generation last acted on.</summary>
    public long? ObservedGeneration { get; set; }

    /// <summary>Addresses of the synchronization controller (decentralized migration), <c>host:port</c>.</summary>
    public List<string>? SynchronizationAddresses { get; set; }
}
