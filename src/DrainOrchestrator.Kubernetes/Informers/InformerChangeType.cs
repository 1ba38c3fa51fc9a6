namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>The kinds of <see cref="InformerChange{T}"/>.</summary>
public enum InformerChangeType
{
    /// <summary>An object appeared.</summary>
    Added,

    /// <summary>An object changed; <see cref="InformerChange{T}.OldObject"/> is its previous state.</summary>
    Modified,

    /// <summary>An object disappeared; <see cref="InformerChange{T}.OldObject"/> is its last known state.</summary>
    Deleted,

    /// <summary>
    /// The cache was replaced by a fresh list (after a 410 Gone). The differences were just delivered as Added, Modified
    /// and Deleted changes; this marks the end of them. No object.
    /// </summary>
    Relisted,
}
