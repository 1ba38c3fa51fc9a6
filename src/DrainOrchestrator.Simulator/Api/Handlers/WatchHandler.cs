using System.Globalization;
using System.Text;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Api.Tables;

namespace DrainOrchestrator.Simulator.Api.Handlers;

/// <summary>
/// watch: streams newline-delimited watch events, flushed as they come, with BOOKMARKs when asked and idle, until the
/// server-side timeout (or an injected drop, which cuts the connection). A resourceVersion older than the retained
/// history gets a stream of one ERROR event (410 Expired), as kube-apiserver answers it. A partition of the API
/// silences the stream until it heals, then drops the connection. Asked for a Table (<c>kubectl get -w</c>), each event's
/// object is a one-row Table.
/// </summary>
internal static class WatchHandler
{
    public static async Task WatchAsync(ApiCall call)
    {
        var table = ReadHandlers.TableRequestOf(call);
        var request = new WatchRequest(call.Request.Type)
        {
            Namespace = call.Request.Namespace,
            Labels = call.Query.Labels,
            Fields = call.Query.Fields,
            FromResourceVersion = call.Query.ResourceVersion,
        };
        using var watch = await OpenAsync(call, request);
        if (watch is null)
        {
            return;
        }

        var timeout = call.Query.Timeout is { } asked && asked > TimeSpan.Zero ? asked : call.Options.DefaultWatchTimeout;
        var drop = call.DropWatchAfter is { } after && after < timeout;
        using var deadline = new CancellationTokenSource(drop ? call.DropWatchAfter!.Value : timeout, call.Time);
        var partitioned = call.Partition?.Begun ?? CancellationToken.None;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(call.Aborted, deadline.Token, partitioned);

        await StartStreamAsync(call);
        try
        {
            await StreamAsync(call, watch, table, stop.Token);
        }
        catch (OperationCanceledException) when (partitioned.IsCancellationRequested && !call.Aborted.IsCancellationRequested)
        {
            // Silent until the partition heals, then the connection is gone.
            await call.Partition!.HoldAsync(call.Http, call.Aborted);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !call.Aborted.IsCancellationRequested)
        {
            if (drop)
            {
                call.Http.Abort();
            }
        }
    }

    /// <summary>
    /// Starts the store watch; when it cannot start (a resourceVersion older than the retained history), answers as
    /// kube-apiserver does once a request is admitted and its resourceVersion parsed: a 200 stream holding one ERROR
    /// event (410 Expired), not an error status. Null then.
    /// </summary>
    private static async Task<StoreWatch?> OpenAsync(ApiCall call, WatchRequest request)
    {
        try
        {
            return call.Store.Watch(request);
        }
        catch (ApiStatusException e)
        {
            await StartStreamAsync(call);
            await WriteAsync(call.Response.Body, "ERROR", ObjectJson.Serialize(e.Status.ToJson()), call.Aborted);
            await call.Response.Body.FlushAsync(call.Aborted);
            return null;
        }
    }

    private static async Task StartStreamAsync(ApiCall call)
    {
        call.Response.StatusCode = 200;
        call.Response.ContentType = ApiResponses.JsonContentType;
        await call.Response.StartAsync(call.Aborted);
        await call.Response.Body.FlushAsync(call.Aborted);
    }

    private static async Task StreamAsync(ApiCall call, StoreWatch watch, TableRequest? table, CancellationToken stop)
    {
        var body = call.Response.Body;
        var printer = TablePrinters.For(call.Request.Type);
        var first = true;
        while (true)
        {
            using var tick = new CancellationTokenSource(call.Options.BookmarkInterval, call.Time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop, tick.Token);
            bool open;
            try
            {
                open = await watch.Events.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                if (call.Query.AllowBookmarks && watch.BookmarkVersion() is { } version)
                {
                    await WriteAsync(body, "BOOKMARK", Bookmark(call, version), stop);
                    await body.FlushAsync(stop);
                }

                continue;
            }
            catch (ApiStatusException e)
            {
                await WriteAsync(body, "ERROR", ObjectJson.Serialize(e.Status.ToJson()), stop);
                await body.FlushAsync(stop);
                return;
            }

            if (!open)
            {
                return;
            }

            while (watch.Events.TryRead(out var change))
            {
                var obj = table is null
                    ? change.Object.Json
                    : ObjectJson.Serialize(TableDocument.Of(table, printer, [change.Object], call.Time.GetUtcNow(),
                        change.Object.ResourceVersion, withColumns: first));
                first = false;
                await WriteAsync(body, Name(change.Type), obj, stop);
            }

            await body.FlushAsync(stop);
        }
    }

    private static async Task WriteAsync(Stream body, string type, ReadOnlyMemory<byte> obj, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":"), cancellationToken);
        await body.WriteAsync(obj, cancellationToken);
        await body.WriteAsync("}\n"u8.ToArray(), cancellationToken);
    }

    private static byte[] Bookmark(ApiCall call, long version) => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{{\"kind\":\"{call.Request.Type.Kind}\",\"apiVersion\":\"{call.Request.Type.ApiVersion}\",\"metadata\":{{\"resourceVersion\":\"{version}\"}}}}"));

    private static string Name(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        WatchEventType.Deleted => "DELETED",
        _ => "BOOKMARK",
    };
}
