using DrainOrchestrator.Kubernetes.Client.Watching;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>What an <see cref="Informer{T}"/> caches.</summary>
public sealed record InformerOptions
{
    /// <summary>The namespace to cache; <see langword="null"/> caches all namespaces (and is required for cluster-scoped kinds).</summary>
    public string? Namespace { get; init; }

    /// <summary>Label selector of the cached objects.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector of the cached objects.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Paging, watch timeout and reconnect tuning; its selectors are replaced by the ones above.</summary>
    public ListWatchOptions ListWatch { get; init; } = new();
}
