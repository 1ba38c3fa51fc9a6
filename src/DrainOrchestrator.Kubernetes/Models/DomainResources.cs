namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Compute resources of a VMI (kubevirt.io/v1 ResourceRequirements).</summary>
public sealed class DomainResources : WireModel
{
    /// <summary>Requested amounts, e.g. <c>memory: 4Gi</c>.</summary>
    public Dictionary<string, Quantity>? Requests { get; set; }

    /// <summary>Upper bounds.</summary>
    public Dictionary<string, Quantity>? Limits { get; set; }

    /// <summary>Whether the guest overhead is left out of the requests.</summary>
    public bool? OvercommitGuestOverhead { get; set; }
}
