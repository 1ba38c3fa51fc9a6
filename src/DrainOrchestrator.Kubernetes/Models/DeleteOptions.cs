namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Options of a delete call (meta/v1 DeleteOptions).</summary>
public sealed class DeleteOptions : WireModel
{
    /// <summary>Always <c>v1</c>.</summary>
    public string ApiVersion { get; set; } = "v1";

    /// <summary>Always <c>DeleteOptions</c>.</summary>
    public string Kind { get; set; } = "DeleteOptions";

    /// <summary>Grace period; zero deletes immediately.</summary>
    public long? GracePeriodSeconds { get; set; }

    /// <summary>The delete only happens when these still hold (uid and/or resourceVersion).</summary>
    public Preconditions? Preconditions { get; set; }

    /// <summary><c>Orphan</c>, <c>Background</c> or <c>Foreground</c>.</summary>
    public string? PropagationPolicy { get; set; }
}
