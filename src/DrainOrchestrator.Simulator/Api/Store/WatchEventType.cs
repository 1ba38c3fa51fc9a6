namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The types of watch events, named as on the wire.</summary>
public enum WatchEventType
{
    /// <summary>An object was created (or entered a watch's selection).</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object was removed (or left a watch's selection).</summary>
    Deleted,

    /// <summary>A progress marker carrying only a resourceVersion.</summary>
    Bookmark,
}
