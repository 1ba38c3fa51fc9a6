namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Query options of a list call.</summary>
public sealed record ListOptions
{
    /// <summary>Label selector, e.g. <c>kubevirt.io/nodeName=worker-1</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector, e.g. <c>spec.nodeName=worker-1</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server returns a continue token when more remain.</summary>
    public int? Limit { get; init; }

    /// <summary>Continue token of the previous page.</summary>
    public string? Continue { get; init; }

    /// <summary>Resource version semantics of the list (e.g. <c>0</c> for any cached version).</summary>
    public string? ResourceVersion { get; init; }
}
