namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>One committed change, as watches and observers see it.</summary>
/// <param name="Type">Added, Modified or Deleted.</param>
/// <param name="Object">The object after the change (for Deleted: its last state, at the deletion's version).</param>
/// <param name="Previous">The object before the change; null for Added.</param>
public sealed record StoreEvent(WatchEventType Type, StoredObject Object, StoredObject? Previous)
{
    /// <summary>The resourceVersion of the change.</summary>
    public long ResourceVersion => Object.ResourceVersion;
}
