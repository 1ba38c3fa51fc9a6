namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Guest memory of a VMI (kubevirt.io/v1 Memory).</summary>
public sealed class DomainMemory : WireModel
{
    /// <summary>Memory visible to the guest; when set, it is what a migration copies.</summary>
    public Quantity? Guest { get; set; }

    /// <summary>Upper bound for memory hotplug.</summary>
    public Quantity? MaxGuest { get; set; }
}
