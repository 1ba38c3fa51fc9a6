using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// The simulated controllers' writes to the store: create with the model's identities, overlay the model-owned fields
/// of an existing object (status included, one commit), and delete through finalizers.
/// </summary>
internal sealed class StoreWriter(ObjectStore store)
{
    private static readonly WriteOptions Create = WriteOptions.Controller with { KeepIdentity = true };
    private static readonly WriteOptions Whole = WriteOptions.Controller with { IncludeStatus = true };

    public ObjectStore Store => store;

    /// <summary>Creates the object, or overlays the owned paths when one of that name exists with the same uid.</summary>
    public void Upsert(ResourceType type, JsonObject rendered, IReadOnlyList<string[]> ownedPaths)
    {
        var metadata = rendered["metadata"]!.AsObject();
        var name = metadata["name"]!.GetValue<string>();
        var ns = metadata["namespace"]?.GetValue<string>();
        var uid = metadata["uid"]?.GetValue<string>();
        var current = store.Get(type, ns, name);
        if (current is not null && uid is not null && current.Uid != uid)
        {
            // A new incarnation (a VMI restarted cold): the old object goes first.
            Delete(type, ns, name, current.Uid);
            current = null;
        }

        if (current is null)
        {
            store.Create(type, rendered, Create);
            return;
        }

        Overlay(type, ns, name, rendered, ownedPaths);
    }

    /// <summary>Overlays the owned paths of an existing object; false when it does not exist.</summary>
    public bool Overlay(ResourceType type, string? ns, string name, JsonObject rendered, IReadOnlyList<string[]> ownedPaths)
    {
        try
        {
            store.Modify(type, ns, name, current => ObjectOverlay.Apply(current, rendered, ownedPaths), Whole);
            return true;
        }
        catch (ApiStatusException e) when (e.Status.Code == 404)
        {
            return false;
        }
    }

    /// <summary>Removes the object (its finalizers first) when it exists and, if given, has that uid.</summary>
    public void Delete(ResourceType type, string? ns, string name, string? uid)
    {
        var current = store.Get(type, ns, name);
        if (current is null || (uid is not null && current.Uid != uid))
        {
            return;
        }

        try
        {
            if (current.Finalizers.Count > 0)
            {
                var released = store.Modify(type, ns, name, obj =>
                {
                    obj["metadata"]!.AsObject().Remove("finalizers");
                    return obj;
                }, WriteOptions.Controller);
                if (released.IsTerminating)
                {
                    return; // the last finalizer gone: the store removed it.
                }
            }

            store.Delete(type, ns, name, DeleteRequest.Default, WriteOptions.Controller);
        }
        catch (ApiStatusException e) when (e.Status.Code == 404)
        {
            // Gone meanwhile.
        }
    }
}
