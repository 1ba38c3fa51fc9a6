using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

public sealed partial class ObjectStore
{
    private void Admit(AdmissionOperation operation, ResourceType type, JsonObject obj, StoredObject? old, WriteOptions options)
    {
        foreach (var hook in _hooks)
        {
            var result = hook.Admit(new AdmissionRequest(operation, type, obj, old, options, this));
            if (result.Denial is { } denial)
            {
                throw new ApiStatusException(denial);
            }
        }
    }

    /// <summary>Gives the object the next resourceVersion, stores it, logs the change and tells watches and observers.</summary>
    private StoredObject Commit(ResourceType type, JsonObject obj, StoredObject? previous, WatchEventType change)
    {
        var version = ++_resourceVersion;
        ObjectMetadata.MetadataOf(obj)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        var stored = new StoredObject(type, obj);
        var table = _tables[type.GroupResource];
        _tables[type.GroupResource] = change == WatchEventType.Deleted ? table.Remove(stored.Key) : table.SetItem(stored.Key, stored);
        var storeEvent = new StoreEvent(change, stored, previous);
        _log.Append(storeEvent);
        foreach (var watch in _watches)
        {
            watch.Offer(storeEvent);
        }

        foreach (var observer in _observers)
        {
            observer.OnCommitted(storeEvent);
        }

        return stored;
    }

    /// <summary>A version that is returned but not stored, for dry runs.</summary>
    private static StoredObject Uncommitted(ResourceType type, JsonObject obj) => new(type, obj);

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static StoredObject NotFound(ResourceType type, string name) =>
        throw new ApiStatusException(ApiErrors.NotFound(type.GroupResource, name, type.Group));
}
