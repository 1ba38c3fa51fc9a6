using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>delete and deletecollection, with DeleteOptions from the body or the query.</summary>
internal static class DeleteHandlers
{
    private static readonly string[] PropagationPolicies = ["Orphan", "Background", "Foreground"];

    public static async Task DeleteAsync(ApiCall call)
    {
        var (request, dryRun) = await ReadOptionsAsync(call);
        var type = call.Request.Type;
        var options = call.WriteOptions with { DryRun = dryRun };
        var result = call.Store.Delete(type, call.Request.Namespace, call.Request.Name!, request, options);
        var removed = !result.IsTerminating || result.Finalizers.Count == 0;
        if (removed && type.Group.Length > 0)
        {
            await ApiResponses.WriteJsonAsync(call.Response, 200, ApiResponses.SuccessStatus(result), call.Aborted);
            return;
        }

        await ApiResponses.WriteObjectAsync(call.Response, 200, result, call.Aborted);
    }

    public static async Task DeleteCollectionAsync(ApiCall call)
    {
        var (request, dryRun) = await ReadOptionsAsync(call);
        var type = call.Request.Type;
        var options = call.WriteOptions with { DryRun = dryRun };
        var deleted = new List<StoredObject>();
        foreach (var item in call.Store.List(type, call.ListRequest with { Limit = 0, Continue = null }).Items)
        {
            try
            {
                deleted.Add(call.Store.Delete(type, item.Namespace, item.Name, request, options));
            }
            catch (ApiStatusException e) when (e.Status.Code == 404)
            {
                // Deleted meanwhile: nothing left to do for it.
            }
        }

        var list = new ListResult(deleted, call.Store.CurrentResourceVersion, null, null);
        await ApiResponses.WriteListAsync(call.Response, type.ApiVersion, type.ListKind, list, call.Aborted);
    }

    private static async Task<(DeleteRequest Request, bool DryRun)> ReadOptionsAsync(ApiCall call)
    {
        var body = await RequestBody.ReadJsonAsync(call.Http.Request, allowEmpty: true, call.Aborted) as JsonObject;
        var policy = Text(body?["propagationPolicy"]) ?? call.Query.PropagationPolicy;
        if (policy is not null && !PropagationPolicies.Contains(policy, StringComparer.Ordinal))
        {
            throw new ApiStatusException(ApiErrors.BadRequest(
                $"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\""));
        }

        var dryRun = call.Query.DryRun || (body?["dryRun"] is JsonArray modes && modes.Any(m => Text(m) == "All"));
        var request = new DeleteRequest
        {
            PreconditionUid = Text(body?["preconditions"]?["uid"]),
            PreconditionResourceVersion = Text(body?["preconditions"]?["resourceVersion"]),
            PropagationPolicy = policy,
        };
        return (request, dryRun);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
