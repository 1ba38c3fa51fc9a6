using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Patching;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>patch: JSON patch, merge patch and strategic merge patch, applied under the store lock.</summary>
internal static class PatchHandler
{
    public static async Task PatchAsync(ApiCall call)
    {
        var type = call.Request.Type;
        var contentType = call.Http.Request.ContentType ?? "";
        var kind = Patcher.KindOf(contentType);
        if (kind is null || (kind == PatchKind.StrategicMerge && !type.SupportsStrategicMerge))
        {
            throw new ApiStatusException(ApiErrors.UnsupportedMediaType(contentType));
        }

        var patch = await RequestBody.ReadJsonAsync(call.Http.Request, allowEmpty: false, call.Aborted);
        try
        {
            var patched = call.Store.Modify(type, call.Request.Namespace, call.Request.Name!,
                current => Patcher.Apply(kind.Value, current, patch), call.WriteOptions);
            await ApiResponses.WriteObjectAsync(call.Response, 200, patched, call.Aborted);
        }
        catch (PatchException e)
        {
            throw new ApiStatusException(new ApiStatus(422, "Invalid", e.Message) { Name = call.Request.Name, Group = type.Group, Kind = type.Plural });
        }
        catch (InvalidOperationException e)
        {
            throw new ApiStatusException(new ApiStatus(422, "Invalid", $"the patch could not be applied: {e.Message}") { Name = call.Request.Name });
        }
    }
}
