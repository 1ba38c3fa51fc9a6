namespace DrainOrchestrator.Kubernetes.Client.Watching;

/// <summary>The kinds of <see cref="ListWatchEvent{T}"/>.</summary>
public enum ListWatchEventType
{
    /// <summary>A complete list: the first one, or a relist after the watch's resource version expired (410).</summary>
    Listed,

    /// <summary>An object was added.</summary>
    Added,

    /// <summary>An object was changed.</summary>
    Modified,

    /// <summary>An object was deleted; <see cref="ListWatchEvent{T}.Object"/> is its last state.</summary>
    Deleted,
}
