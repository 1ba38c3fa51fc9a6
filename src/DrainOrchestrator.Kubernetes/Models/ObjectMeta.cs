using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Standard object metadata (meta/v1 ObjectMeta). Fields not modelled, such as managedFields, are preserved.</summary>
public sealed class ObjectMeta : WireModel
{
    /// <summary>Unique name within the namespace (or the cluster for cluster-scoped kinds).</summary>
    public string? Name { get; set; }

    /// <summary>Prefix the server completes into a unique name when <see cref="Name"/> is empty.</summary>
    public string? GenerateName { get; set; }

    /// <summary>Namespace of a namespaced object.</summary>
    public string? Namespace { get; set; }

    /// <summary>Server-assigned unique identity of this incarnation of the object.</summary>
    public string? Uid { get; set; }

    /// <summary>Opaque version used for optimistic concurrency and watches.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Sequence number of the desired state (spec) changes.</summary>
    public long? Generation { get; set; }

    /// <summary>When the object was created.</summary>
    public DateTimeOffset? CreationTimestamp { get; set; }

    /// <summary>When graceful deletion was requested; set while finalizers still hold the object.</summary>
    public DateTimeOffset? DeletionTimestamp { get; set; }

    /// <summary>Grace period granted at deletion.</summary>
    public long? DeletionGracePeriodSeconds { get; set; }

    /// <summary>Labels used by selectors.</summary>
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>Non-identifying annotations.</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Finalizers that must be removed before the object is deleted.</summary>
    public List<string>? Finalizers { get; set; }

    /// <summary>Objects this object depends on, for garbage collection.</summary>
    public List<OwnerReference>? OwnerReferences { get; set; }

    /// <summary>Returns a label value, or <see langword="null"/> when absent.</summary>
    [JsonIgnore]
    public string? this[string label] => Labels is not null && Labels.TryGetValue(label, out var value) ? value : null;
}
