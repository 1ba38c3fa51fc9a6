namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A reference to an owning object (meta/v1 OwnerReference).</summary>
public sealed class OwnerReference : WireModel
{
    /// <summary>API version of the owner.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind of the owner.</summary>
    public string? Kind { get; set; }

    /// <summary>Name of the owner.</summary>
    public string? Name { get; set; }

    /// <summary>UID of the owner.</summary>
    public string? Uid { get; set; }

    /// <summary>Whether the owner is the managing controller.</summary>
    public bool? Controller { get; set; }

    /// <summary>Whether the owner cannot be deleted before this object (foreground deletion).</summary>
    public bool? BlockOwnerDeletion { get; set; }
}
