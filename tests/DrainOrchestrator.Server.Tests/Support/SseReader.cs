using System.Globalization;
using System.Runtime.CompilerServices;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>One Server-Sent Event as received.</summary>
internal sealed record SseEvent(long Id, string Event, string Data);

/// <summary>A minimal Server-Sent Events client: yields events (comments skipped) until the caller stops or the deadline passes.</summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(HttpClient client, string path, long? lastEventId, TimeSpan deadline,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(stream);
        string? eventId = null, eventName = null, data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (eventId is not null)
                {
                    yield return new SseEvent(long.Parse(eventId, CultureInfo.InvariantCulture), eventName ?? "message", data ?? string.Empty);
                }

                (eventId, eventName, data) = (null, null, null);
                continue;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                eventId = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
    }
}
