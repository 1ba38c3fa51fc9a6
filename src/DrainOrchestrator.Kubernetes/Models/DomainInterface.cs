namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A network interface of a VMI's domain (kubevirt.io/v1 Interface): its name and fixed MAC address.</summary>
public sealed class DomainInterface : WireModel
{
    /// <summary>The interface's name, matching a network.</summary>
    public string? Name { get; set; }

    /// <summary>A fixed MAC address; two running VMs with one collide on a shared network.</summary>
    public string? MacAddress { get; set; }
}
