namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The spec of a NetworkAttachmentDefinition.</summary>
public sealed class NetworkAttachmentDefinitionSpec : WireModel
{
    /// <summary>The CNI configuration as a JSON string (a plugin or a plugin list, with its <c>ipam</c>).</summary>
    public string? Config { get; set; }
}
