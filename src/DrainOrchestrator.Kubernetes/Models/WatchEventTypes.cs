namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The values of <see cref="WatchEvent{T}.Type"/>.</summary>
public static class WatchEventTypes
{
    /// <summary>An object was added (or is listed at the start of a watch).</summary>
    public const string Added = "ADDED";

    /// <summary>An object was changed.</summary>
    public const string Modified = "MODIFIED";

    /// <summary>An object was deleted; the object is its last state.</summary>
    public const string Deleted = "DELETED";

    /// <summary>A progress marker carrying only a resource version.</summary>
    public const string Bookmark = "BOOKMARK";

    /// <summary>The watch failed; the object is a Status.</summary>
    public const string Error = "ERROR";
}
