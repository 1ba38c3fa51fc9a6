using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>create (POST) and update (PUT).</summary>
internal static class WriteHandlers
{
    public static async Task CreateAsync(ApiCall call)
    {
        var obj = await RequestBody.ReadObjectAsync(call.Http.Request, call.Aborted);
        CheckKind(call, obj);
        SetNamespace(call, obj);
        var created = call.Store.Create(call.Request.Type, obj, call.WriteOptions);
        await ApiResponses.WriteObjectAsync(call.Response, 201, created, call.Aborted);
    }

    public static async Task UpdateAsync(ApiCall call)
    {
        var obj = await RequestBody.ReadObjectAsync(call.Http.Request, call.Aborted);
        CheckKind(call, obj);
        SetNamespace(call, obj);
        var metadata = ObjectMetadata.MetadataOf(obj);
        var bodyName = metadata["name"]?.GetValue<string>() ?? "";
        if (bodyName != call.Request.Name)
        {
            throw new ApiStatusException(ApiErrors.BadRequest(
                $"the name of the object ({bodyName}) does not match the name on the URL ({call.Request.Name})"));
        }

        var updated = call.Store.Update(call.Request.Type, obj, call.WriteOptions);
        await ApiResponses.WriteObjectAsync(call.Response, 200, updated, call.Aborted);
    }

    private static void CheckKind(ApiCall call, JsonObject obj)
    {
        var type = call.Request.Type;
        var apiVersion = obj["apiVersion"]?.GetValue<string>();
        var kind = obj["kind"]?.GetValue<string>();
        if ((apiVersion is not null && apiVersion != type.ApiVersion) || (kind is not null && kind != type.Kind))
        {
            throw new ApiStatusException(ApiErrors.BadRequest(
                $"the API version in the data ({apiVersion}) and kind ({kind}) do not match the expected {type.ApiVersion} {type.Kind}"));
        }
    }

    private static void SetNamespace(ApiCall call, JsonObject obj)
    {
        if (!call.Request.Type.Namespaced)
        {
            return;
        }

        var metadata = ObjectMetadata.MetadataOf(obj);
        var bodyNamespace = metadata["namespace"]?.GetValue<string>();
        if (string.IsNullOrEmpty(bodyNamespace))
        {
            metadata["namespace"] = call.Request.Namespace;
        }
        else if (bodyNamespace != call.Request.Namespace)
        {
            throw new ApiStatusException(ApiErrors.BadRequest(
                "the namespace of the provided object does not match the namespace sent on the request"));
        }
    }
}
