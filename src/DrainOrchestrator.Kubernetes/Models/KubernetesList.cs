namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A list response of one kind, e.g. a NodeList.</summary>
/// <typeparam name="T">The item kind.</typeparam>
public sealed class KubernetesList<T> : WireModel
    where T : KubernetesObject
{
    /// <summary>API version of the list.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind of the list, e.g. <c>NodeList</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>List metadata: resource version and continue token.</summary>
    public ListMeta Metadata { get; set; } = new();

    /// <summary>The items; empty when the server sends <c>null</c> or nothing.</summary>
    public List<T> Items { get; set; } = [];
}
