using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client.Watching;

/// <summary>
/// One step of a list-then-watch: a full list (<see cref="ListWatchEventType.Listed"/>, whose <see cref="Items"/> replace
/// whatever the consumer held), or one change. Bookmarks are consumed inside (they only move the resume point).
/// </summary>
/// <typeparam name="T">The watched kind.</typeparam>
public sealed class ListWatchEvent<T>
    where T : KubernetesObject
{
    private ListWatchEvent(ListWatchEventType type, T? @object, IReadOnlyList<T> items, string? resourceVersion, bool isRelist)
    {
        Type = type;
        Object = @object;
        Items = items;
        ResourceVersion = resourceVersion;
        IsRelist = isRelist;
    }

    /// <summary>What happened.</summary>
    public ListWatchEventType Type { get; }

    /// <summary>The changed object; <see langword="null"/> for <see cref="ListWatchEventType.Listed"/>.</summary>
    public T? Object { get; }

    /// <summary>The complete collection for <see cref="ListWatchEventType.Listed"/>; empty otherwise.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The resource version the consumer's state is at after this event.</summary>
    public string? ResourceVersion { get; }

    /// <summary>True for a <see cref="ListWatchEventType.Listed"/> that replaced an earlier list (after a 410).</summary>
    public bool IsRelist { get; }

    internal static ListWatchEvent<T> Listed(IReadOnlyList<T> items, string? resourceVersion, bool isRelist)
        => new(ListWatchEventType.Listed, null, items, resourceVersion, isRelist);

    internal static ListWatchEvent<T> Changed(ListWatchEventType type, T @object)
        => new(type, @object, [], @object.Metadata.ResourceVersion, isRelist: false);
}
