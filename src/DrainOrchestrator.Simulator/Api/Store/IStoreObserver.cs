namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// Told of every committed change, synchronously and in commit order, inside the store's write lock. It must not
/// block and should not write to the store (queue the work instead); use <see cref="ObjectStore.Watch"/> for an
/// asynchronous feed.
/// </summary>
public interface IStoreObserver
{
    /// <summary>Called once per committed change.</summary>
    void OnCommitted(StoreEvent change);
}
