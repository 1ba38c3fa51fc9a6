namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Compute requests and limits of a container (core/v1 ResourceRequirements).</summary>
public sealed class ResourceRequirements : WireModel
{
    /// <summary>Requested amounts, e.g. <c>cpu: 500m</c>, <c>memory: 4Gi</c>.</summary>
    public Dictionary<string, Quantity>? Requests { get; set; }

    /// <summary>Upper bounds.</summary>
    public Dictionary<string, Quantity>? Limits { get; set; }
}
