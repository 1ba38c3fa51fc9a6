using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

public sealed partial class ObjectStore
{
    private const string StaleVersionMessage = "the object has been modified; please apply your changes to the latest version and try again";

    /// <summary>
    /// Replaces an object (PUT). A resourceVersion in the object must match the stored one (409 Conflict otherwise);
    /// without one the update is unconditional. See <see cref="WriteOptions.Status"/> for the status subresource.
    /// </summary>
    public StoredObject Update(ResourceType type, JsonObject obj, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(options);
        var metadata = ObjectMetadata.Of(obj);
        lock (_lock)
        {
            var current = Get(type, metadata.Namespace, metadata.Name) ?? NotFound(type, metadata.Name);
            return UpdateLocked(type, current, obj, options);
        }
    }

    /// <summary>
    /// Reads an object, lets <paramref name="change"/> edit a copy, and writes it back, all under the store lock, so the
    /// change cannot conflict. Used for PATCH and by controllers. A resourceVersion the change sets must match.
    /// </summary>
    public StoredObject Modify(ResourceType type, string? @namespace, string name, Func<JsonObject, JsonObject> change, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var current = Get(type, @namespace, name) ?? NotFound(type, name);
            var changed = change(current.ToJsonObject());
            return UpdateLocked(type, current, changed, options);
        }
    }

    private StoredObject UpdateLocked(ResourceType type, StoredObject current, JsonObject proposed, WriteOptions options)
    {
        var requested = ObjectMetadata.Of(proposed).RawResourceVersion;
        if (requested is not null && requested != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new ApiStatusException(ApiErrors.Conflict(type.GroupResource, current.Name, StaleVersionMessage, type.Group));
        }

        var old = current.ToJsonObject();
        var next = UpdateMerge.Merge(type, old, proposed, options.Status, options.IncludeStatus && options.Origin == WriteOrigin.Controller);
        if (ObjectJson.DeepEquals(next, old))
        {
            return current;
        }

        Admit(AdmissionOperation.Update, type, next, current, options);
        if (options.DryRun)
        {
            return Uncommitted(type, next);
        }

        var finalized = current.IsTerminating && ObjectMetadata.Of(next).Finalizers.Count == 0;
        return Commit(type, next, current, finalized ? WatchEventType.Deleted : WatchEventType.Modified);
    }
}
