using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

public sealed partial class ObjectStore
{
    /// <summary>
    /// Deletes an object. With finalizers it only gets a deletionTimestamp (once) and stays until an update removes
    /// the last finalizer; otherwise it is removed. Returns the object's last state.
    /// </summary>
    /// <exception cref="ApiStatusException">404, 409 on a failed precondition, or an admission denial.</exception>
    public StoredObject Delete(ResourceType type, string? @namespace, string name, DeleteRequest request, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var current = Get(type, @namespace, name) ?? NotFound(type, name);
            CheckPreconditions(type, current, request);
            var obj = current.ToJsonObject();
            Admit(AdmissionOperation.Delete, type, obj, current, options);
            if (options.DryRun || (current.IsTerminating && current.Finalizers.Count > 0))
            {
                return current;
            }

            obj = current.ToJsonObject();
            if (current.Finalizers.Count == 0)
            {
                return Commit(type, obj, current, WatchEventType.Deleted);
            }

            var metadata = ObjectMetadata.MetadataOf(obj);
            metadata["deletionTimestamp"] = Now();
            metadata["deletionGracePeriodSeconds"] = 0;
            return Commit(type, obj, current, WatchEventType.Modified);
        }
    }

    private static void CheckPreconditions(ResourceType type, StoredObject current, DeleteRequest request)
    {
        if (request.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
        {
            throw new ApiStatusException(ApiErrors.Conflict(type.GroupResource, current.Name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}", type.Group));
        }

        var version = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (request.PreconditionResourceVersion is { Length: > 0 } rv && rv != version)
        {
            throw new ApiStatusException(ApiErrors.Conflict(type.GroupResource, current.Name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {version}", type.Group));
        }
    }
}
