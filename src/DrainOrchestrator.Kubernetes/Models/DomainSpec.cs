namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The virtual hardware of a VMI (kubevirt.io/v1 DomainSpec): the parts the orchestrator reads.</summary>
public sealed class DomainSpec : WireModel
{
    /// <summary>Requests and limits of the virt-launcher pod.</summary>
    public DomainResources? Resources { get; set; }

    /// <summary>Guest memory.</summary>
    public DomainMemory? Memory { get; set; }

    /// <summary>Devices: interfaces (their MAC addresses), disks.</summary>
    public DomainDevices? Devices { get; set; }
}
