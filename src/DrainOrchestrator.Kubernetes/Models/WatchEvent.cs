namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>One event of a watch stream (meta/v1 WatchEvent).</summary>
/// <typeparam name="T">The watched kind.</typeparam>
/// <remarks>
/// An <see cref="WatchEventTypes.Error"/> event carries a Status, not a <typeparamref name="T"/>: decode such an event
/// as <c>WatchEvent&lt;Status&gt;</c>. A <see cref="WatchEventTypes.Bookmark"/> carries only metadata.resourceVersion.
/// </remarks>
public sealed class WatchEvent<T> : WireModel
    where T : KubernetesObject
{
    /// <summary>One of <see cref="WatchEventTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>The object the event is about.</summary>
    public T? Object { get; set; }
}
