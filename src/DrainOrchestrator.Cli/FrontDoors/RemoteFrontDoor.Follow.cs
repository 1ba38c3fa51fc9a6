using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>Following a drain the server runs: its Server-Sent Events, resumed with Last-Event-ID after a dropped stream.</summary>
internal sealed partial class RemoteFrontDoor
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    public async Task<DrainResult> FollowAsync(DrainView drain, DrainEngineOptions engine, Core.Windows.MaintenanceWindow? window,
        IProgress<DrainProgress> progress, CancellationToken cancellationToken)
    {
        if (window is not null)
        {
            throw new RemoteApiException("--window-end is not served through --server yet: run the drain without --server, on the database", 501, retryable: false);
        }

        ArgumentNullException.ThrowIfNull(drain);
        ArgumentNullException.ThrowIfNull(progress);
        string? lastEventId = null;
        // Each node's latest progress, across reconnects: an event after a run's first holds only the nodes that changed.
        var held = new JournaledProgress();
        while (true)
        {
            var current = await GetAsync(drain.Id.ToString("D"), cancellationToken);
            if (current.FinishedAt is not null)
            {
                return Result(current);
            }

            try
            {
                if (await ReadEventsAsync(drain.Id, progress, held, id => lastEventId = id, lastEventId, cancellationToken))
                {
                    return Result(await GetAsync(drain.Id.ToString("D"), cancellationToken));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The stream broke (a server restart, a proxy): reconnect and resume after the last event seen.
            }

            await Task.Delay(ReconnectDelay, TimeProvider.System, cancellationToken);
        }
    }

    private static DrainResult Result(DrainView drain) =>
        new(drain.Id, DrainRunStates.Of(DrainStates.Parse(drain.RecordedState)), drain.OutcomeReason ?? drain.RecordedState);

    // True when the drain ended; false when the stream closed first.
    private async Task<bool> ReadEventsAsync(Guid drainId, IProgress<DrainProgress> progress, JournaledProgress held,
        Action<string> seen, string? lastEventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/drains/{drainId:D}/events", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? id = null, kind = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (field, value) = colon < 0 ? (line, string.Empty) : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": kind = value; break;
                    case "data": data.Add(value); break;
                    default: break;
                }

                continue;
            }

            if (kind is not null && data.Count > 0 && Dispatch(kind, string.Join('\n', data), progress, held))
            {
                return true;
            }

            if (id is not null)
            {
                seen(id);
            }

            (id, kind) = (null, null);
            data.Clear();
        }

        return false;
    }

    // An event's data is the journal event; its payload is an object (or, from older servers, a JSON string). The event
    // name is its journal kind: the drain's end stops the stream, progress is read as the catalogue's event.
    private static bool Dispatch(string kind, string data, IProgress<DrainProgress> progress, JournaledProgress held)
    {
        if (JournalCatalogue.Is<DrainFinished>(kind))
        {
            return true;
        }

        if (!JournalCatalogue.Is<ProgressReported>(kind))
        {
            return false;
        }

        var node = JsonNode.Parse(data);
        var payload = node?["payload"] ?? (node?["payloadJson"]?.GetValue<string>() is { } text ? JsonNode.Parse(text) : node);
        if (payload is not null && JournalCatalogue.Read(kind, payload.ToJsonString()) is ProgressReported reported)
        {
            progress.Report(held.Apply(reported));
        }

        return false;
    }
}
