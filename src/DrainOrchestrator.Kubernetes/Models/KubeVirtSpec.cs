namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of the KubeVirt installation (kubevirt.io/v1 KubeVirtSpec): the parts the orchestrator reads.</summary>
public sealed class KubeVirtSpec : WireModel
{
    /// <summary>Cluster-wide configuration.</summary>
    public KubeVirtConfiguration? Configuration { get; set; }
}
