using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>Read access to the object store.</summary>
public interface IObjectStoreReader
{
    /// <summary>The resourceVersion of the latest committed change.</summary>
    long CurrentResourceVersion { get; }

    /// <summary>The object, or null when it does not exist.</summary>
    StoredObject? Get(ResourceType type, string? @namespace, string name);

    /// <summary>Lists objects, in namespace/name order.</summary>
    ListResult List(ResourceType type, ListRequest request);
}
