namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Conditions a delete is conditional on (meta/v1 Preconditions).</summary>
public sealed class Preconditions : WireModel
{
    /// <summary>The object must still have this UID (it was not deleted and recreated).</summary>
    public string? Uid { get; set; }

    /// <summary>The object must still be at this resource version.</summary>
    public string? ResourceVersion { get; set; }
}
