namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The devices of a VMI's domain (kubevirt.io/v1 Devices): the parts the orchestrator reads; disks and the rest kept verbatim.</summary>
public sealed class DomainDevices : WireModel
{
    /// <summary>Network interfaces.</summary>
    public List<DomainInterface>? Interfaces { get; set; }
}
