using System.Net;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Events;

[Collection(ServerCollection.Name)]
public sealed class EventStreamTests(ServerFixture server)
{
    [Fact]
    public async Task DrainEvents_ReconnectingWithLastEventId_MissesNothingAndRepeatsNothing()
    {
        using var client = server.Client("olga");
        using var created = await client.PostAsync("/api/v1/drains", Support.Api.Json("""{"nodes":["src-2"],"name":"sse-drain"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var drain = await Support.Api.ReadAsync<DrainView>(created);
        var received = new List<SseEvent>();

        // First connection: a few events, then hang up mid-stream.
        await foreach (var e in SseReader.ReadAsync(client, $"/api/v1/drains/{drain.Id}/events", null, TimeSpan.FromMinutes(2)))
        {
            received.Add(e);
            if (received.Count >= 5)
            {
                break;
            }
        }

        // Second connection (header) and third (query parameter), each resuming after the last id seen, until the end.
        var viaHeader = true;
        while (true)
        {
            var last = received[^1].Id;
            var path = viaHeader ? $"/api/v1/drains/{drain.Id}/events" : $"/api/v1/drains/sse-drain/events?lastEventId={last}";
            var count = 0;
            await foreach (var e in SseReader.ReadAsync(client, path, viaHeader ? last : null, TimeSpan.FromMinutes(3)))
            {
                received.Add(e);
                if (++count >= 8 || IsEnd(e))
                {
                    break;
                }
            }

            viaHeader = !viaHeader;
            if (IsEnd(received[^1]))
            {
                break;
            }
        }

        await Support.Api.WaitFinishedAsync(client, drain.Id, TimeSpan.FromMinutes(3));
        var journal = await Support.Api.ReadAsync<JournalPage>(await client.GetAsync($"/api/v1/drains/{drain.Id}/journal?limit=10000"));
        var upTo = received[^1].Id;
        var expected = journal.Items.Where(e => e.Seq <= upTo).Select(e => e.Seq).ToList();
        Assert.Equal(expected, received.Select(e => e.Id).ToList());
        Assert.Equal(journal.Items.Where(e => e.Seq <= upTo).Select(e => e.Kind), received.Select(e => e.Event));
    }

    [Fact]
    public async Task AllEvents_WithoutAuth_Is401()
    {
        using var client = server.Client(null);
        using var response = await client.GetAsync("/api/v1/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static bool IsEnd(SseEvent e) => e.Event.StartsWith("drain.", StringComparison.Ordinal)
        && (e.Event.Contains("succeeded", StringComparison.Ordinal) || e.Event.Contains("failed", StringComparison.Ordinal)
            || e.Event.Contains("cancelled", StringComparison.Ordinal) || e.Event.Contains("finished", StringComparison.Ordinal));
}
