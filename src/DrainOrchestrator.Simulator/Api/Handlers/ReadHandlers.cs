using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>get and list.</summary>
internal static class ReadHandlers
{
    public static Task GetAsync(ApiCall call)
    {
        var type = call.Request.Type;
        var obj = call.Store.Get(type, call.Request.Namespace, call.Request.Name!)
            ?? throw new ApiStatusException(ApiErrors.NotFound(type.GroupResource, call.Request.Name!, type.Group));
        return ApiResponses.WriteObjectAsync(call.Response, 200, obj, call.Aborted);
    }

    public static Task ListAsync(ApiCall call)
    {
        var type = call.Request.Type;
        var list = call.Store.List(type, call.ListRequest);
        return ApiResponses.WriteListAsync(call.Response, type.ApiVersion, type.ListKind, list, call.Aborted);
    }
}
