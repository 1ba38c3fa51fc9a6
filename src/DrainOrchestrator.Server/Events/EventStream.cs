using System.Globalization;
using System.Text;
using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Journal;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Events;

/// <summary>
/// One Server-Sent Events stream of journal events: <c>id</c> is the journal sequence number, <c>event</c> the
/// journal kind, <c>data</c> the event as JSON. It resumes after <c>Last-Event-ID</c> (or <c>lastEventId</c>), first
/// from the database when that is older than the shared feed's window, then from the feed; every event is sent once,
/// in order. Idle streams get a heartbeat comment.
/// </summary>
internal sealed class EventStream(JournalFeed feed, DrainApplication application, ServeOptions options, TimeProvider timeProvider)
{
    private const int CatchUpPage = 1000;

    public async Task RunAsync(HttpContext http, string? idOrName, Guid? drainId, long afterSeq, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        var last = afterSeq;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (events, head, changed) = feed.Read(last, drainId);
            if (events is null)
            {
                // Older than the window: read on from the database up to where the feed stands, then use the feed.
                var page = await application.JournalAsync(idOrName, last, CatchUpPage, cancellationToken);
                var upTo = page.Where(e => e.Seq <= head).ToList();
                last = await SendAsync(response, upTo, last, cancellationToken);
                if (upTo.Count < CatchUpPage)
                {
                    last = Math.Max(last, head);
                }

                continue;
            }

            if (events.Count > 0)
            {
                last = await SendAsync(response, events, last, cancellationToken);
                continue;
            }

            // Nothing new for this stream: everything up to the feed's head has been considered.
            last = Math.Max(last, head);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var heartbeat = Task.Delay(options.EventHeartbeat, timeProvider, idle.Token);
            if (await Task.WhenAny(changed, heartbeat) == heartbeat && !cancellationToken.IsCancellationRequested)
            {
                await response.WriteAsync(": heartbeat\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }

            await idle.CancelAsync();
        }
    }

    private static async Task<long> SendAsync(HttpResponse response, IReadOnlyList<JournalEventView> events, long last, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            if (e.Seq <= last)
            {
                continue;
            }

            text.Append("id: ").Append(e.Seq.ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append("event: ").Append(e.Kind).Append('\n')
                .Append("data: ").Append(System.Text.Json.JsonSerializer.Serialize(e, Api.ApiJson.Options)).Append("\n\n");
            last = e.Seq;
        }

        if (text.Length > 0)
        {
            await response.WriteAsync(text.ToString(), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        return last;
    }
}
