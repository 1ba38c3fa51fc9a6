using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A top-level API object: type information plus standard object metadata.</summary>
public abstract class KubernetesObject : WireModel
{
    /// <summary>Creates an object stamped with the given type information.</summary>
    protected KubernetesObject(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>The versioned schema of this object, e.g. <c>v1</c> or <c>kubevirt.io/v1</c>.</summary>
    [JsonPropertyOrder(-3)]
    public string? ApiVersion { get; set; }

    /// <summary>The kind of this object, e.g. <c>Node</c>.</summary>
    [JsonPropertyOrder(-2)]
    public string? Kind { get; set; }

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyOrder(-1)]
    public ObjectMeta Metadata { get; set; } = new();
}
