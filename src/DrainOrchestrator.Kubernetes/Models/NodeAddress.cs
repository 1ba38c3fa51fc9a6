namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>One address of a node (core/v1 NodeAddress).</summary>
public sealed class NodeAddress : WireModel
{
    /// <summary><c>InternalIP</c>, <c>ExternalIP</c>, <c>Hostname</c>...</summary>
    public string? Type { get; set; }

    /// <summary>The address.</summary>
    public string? Address { get; set; }
}
