using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>Everything a verb handler needs for one request.</summary>
internal sealed record ApiCall(
    HttpContext Http,
    ResourceRequest Request,
    ApiQuery Query,
    ObjectStore Store,
    ApiServerOptions Options,
    TimeProvider Time,
    TimeSpan? DropWatchAfter)
{
    /// <summary>The API's partition switch: an open watch stream falls silent when a partition begins.</summary>
    public Admin.Partition.ApiPartition? Partition { get; init; }

    /// <summary>Who made the request: admission (e.g. of a VMIM's spec.priority) sees the user name.</summary>
    public string? User { get; init; }

    public CancellationToken Aborted => Http.RequestAborted;

    public HttpResponse Response => Http.Response;

    public WriteOptions WriteOptions => new()
    {
        Origin = WriteOrigin.Client,
        User = User,
        DryRun = Query.DryRun,
        Status = Request.Subresource == "status",
    };

    public ListRequest ListRequest => new()
    {
        Namespace = Request.Namespace,
        Labels = Query.Labels,
        Fields = Query.Fields,
        Limit = Query.Limit,
        Continue = Query.Continue,
    };
}
