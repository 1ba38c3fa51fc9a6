using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Tables;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>get and list, as the object or list, or as a Table when the client asks for server-side printing.</summary>
internal static class ReadHandlers
{
    public static Task GetAsync(ApiCall call)
    {
        var type = call.Request.Type;
        var obj = call.Store.Get(type, call.Request.Namespace, call.Request.Name!)
            ?? throw new ApiStatusException(ApiErrors.NotFound(type.GroupResource, call.Request.Name!, type.Group));
        if (TableRequestOf(call) is { } table)
        {
            var document = TableDocument.Of(table, TablePrinters.For(type), [obj], call.Time.GetUtcNow(), obj.ResourceVersion);
            return ApiResponses.WriteJsonAsync(call.Response, 200, document, call.Aborted);
        }

        return ApiResponses.WriteObjectAsync(call.Response, 200, obj, call.Aborted);
    }

    public static Task ListAsync(ApiCall call)
    {
        var type = call.Request.Type;
        var table = TableRequestOf(call);
        var list = call.Store.List(type, call.ListRequest);
        if (table is not null)
        {
            var document = TableDocument.Of(table, TablePrinters.For(type), list.Items, call.Time.GetUtcNow(),
                list.ResourceVersion, list.Continue, list.RemainingItemCount);
            return ApiResponses.WriteJsonAsync(call.Response, 200, document, call.Aborted);
        }

        return ApiResponses.WriteListAsync(call.Response, type.ApiVersion, type.ListKind, list, call.Aborted);
    }

    /// <summary>The Table the client asks for (kubectl's Accept list), or null for plain JSON.</summary>
    public static TableRequest? TableRequestOf(ApiCall call) =>
        TableRequest.Parse(call.Http.Request.Headers.Accept.ToString(), call.Http.Request.Query["includeObject"].ToString());
}
