using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

public sealed partial class ObjectStore
{
    private const int GenerateNameAttempts = 8;

    /// <summary>
    /// Creates an object: resolves generateName, gives it a uid, creationTimestamp, generation and resourceVersion,
    /// runs admission, and commits. The namespace comes from the object's metadata. The store takes the object over
    /// and changes it; pass a copy to keep the original.
    /// </summary>
    /// <exception cref="ApiStatusException">409 AlreadyExists, 404 for a missing namespace, 422 Invalid, or a denial.</exception>
    public StoredObject Create(ResourceType type, JsonObject obj, WriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var metadata = PrepareForCreate(type, obj, options);
            var key = ObjectKey.Of(metadata["namespace"]?.GetValue<string>(), metadata["name"]!.GetValue<string>());
            Admit(AdmissionOperation.Create, type, obj, null, options);
            if (TableLocked(type).ContainsKey(key))
            {
                var name = metadata["name"]!.GetValue<string>();
                throw new ApiStatusException(ApiErrors.AlreadyExists(type.GroupResource, name, type.Group));
            }

            return options.DryRun ? Uncommitted(type, obj) : Commit(type, obj, null, WatchEventType.Added);
        }
    }

    private JsonObject PrepareForCreate(ResourceType type, JsonObject obj, WriteOptions options)
    {
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        if (options.Origin == WriteOrigin.Client && type.HasStatusSubresource)
        {
            // As kube-apiserver does: a client cannot create an object with a status; controllers write it later.
            obj.Remove("status");
        }

        var metadata = ObjectMetadata.MetadataOf(obj);
        var current = ObjectMetadata.Of(obj);
        if (type.Namespaced)
        {
            RequireNamespace(type, current.Namespace);
        }
        else
        {
            metadata.Remove("namespace");
        }

        var name = current.Name.Length > 0 || current.GenerateName.Length == 0
            ? current.Name
            : GenerateName(type, current.Namespace, current.GenerateName);
        var problems = ObjectValidation.NameProblems(name);
        if (problems.Count > 0)
        {
            throw new ApiStatusException(ApiErrors.Invalid(type.Kind, name, problems, type.Group));
        }

        metadata["name"] = name;
        // The cluster model's objects keep the identities the model gave them; everyone else gets new ones.
        var keep = options.KeepIdentity && options.Origin == WriteOrigin.Controller;
        metadata["uid"] = keep && current.Uid.Length > 0 ? current.Uid : _identities.NewUid();
        if (!keep || metadata["creationTimestamp"] is not JsonValue)
        {
            metadata["creationTimestamp"] = Now();
        }

        metadata["generation"] = 1;
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        return metadata;
    }

    private void RequireNamespace(ResourceType type, string @namespace)
    {
        if (@namespace.Length == 0)
        {
            throw new ApiStatusException(ApiErrors.BadRequest($"{type.GroupResource} must be created in a namespace"));
        }

        if (Get(BuiltInResourceTypes.Namespaces, null, @namespace) is null && Registry.Types.Contains(BuiltInResourceTypes.Namespaces))
        {
            throw new ApiStatusException(ApiErrors.NotFound("namespaces", @namespace));
        }
    }

    private string GenerateName(ResourceType type, string @namespace, string prefix)
    {
        var table = TableLocked(type);
        for (var attempt = 0; attempt < GenerateNameAttempts; attempt++)
        {
            var candidate = prefix + _identities.NameSuffix();
            if (!table.ContainsKey(ObjectKey.Of(@namespace, candidate)))
            {
                return candidate;
            }
        }

        throw new ApiStatusException(ApiErrors.AlreadyExists(type.GroupResource, prefix, type.Group));
    }
}
