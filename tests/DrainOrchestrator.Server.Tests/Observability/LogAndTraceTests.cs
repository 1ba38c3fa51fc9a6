using System.Net;
using System.Text;
using System.Text.Json;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Observability;

/// <summary><c>--log-format json</c> and <c>--otlp-endpoint</c>: the lines a log collector reads, and the spans a collector receives.</summary>
[Collection(ServerCollection.Name)]
public sealed class LogAndTraceTests(ServerFixture fixture)
{
    [Fact]
    public async Task JsonLogs_AreOneObjectPerLineWithMessageAndLevel_AndHoldNoSecret_WhileOtlpIsUnreachable()
    {
        // An OTLP endpoint nobody listens on (a port just freed), with credentials in it that must never be logged.
        var unreachable = new Uri($"http://trace-user:trace-secret@127.0.0.1:{LoopbackPorts.Released()}/v1/traces");
        var server = await fixture.StartServerAsync(o => (o.LogFormat, o.OtlpEndpoint) = (LogFormat.Json, unreachable));
        var databasePassword = new Npgsql.NpgsqlConnectionStringBuilder(server.Options.Database).Password;
        try
        {
            foreach (var user in fixture.Tokens.Keys)
            {
                using var client = fixture.Client(server.BaseAddress, user);
                await Support.Api.ExpectAsync(HttpStatusCode.OK, await client.GetAsync("/api/v1/drains"));
                await client.PostAsync("/api/v1/plans", Support.Api.Json("""{"nodes":["nope"]}"""));
            }

            using var stranger = fixture.Client(server.BaseAddress, null);
            stranger.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token-of-the-file-" + fixture.Tokens["root"][..10]);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/drains")).StatusCode);
        }
        finally
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }

        var lines = server.Log.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains(DrainServer.ListeningPrefix, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Shutting down", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.False(string.IsNullOrEmpty(root.GetProperty("message").GetString()), line);
            Assert.Contains(root.GetProperty("level").GetString(), new[] { "Trace", "Debug", "Information", "Warning", "Error", "Critical" });
            Assert.True(root.TryGetProperty("time", out _), line);
            Assert.True(root.TryGetProperty("category", out _), line);
        }

        var log = server.Log.Text;
        foreach (var (name, token) in fixture.Tokens)
        {
            Assert.False(log.Contains(token[..12], StringComparison.Ordinal), $"the log holds part of {name}'s token");
        }

        Assert.DoesNotContain("trace-secret", log, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(databasePassword))
        {
            Assert.DoesNotContain(databasePassword, log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Traces_ReachAnOtlpHttpReceiver_AsSpansOfTheRequests_WithoutTokens()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var server = await fixture.StartServerAsync(o => o.OtlpEndpoint = receiver.TracesEndpoint);
        try
        {
            using var alice = fixture.Client(server.BaseAddress, "alice");
            await Support.Api.ExpectAsync(HttpStatusCode.OK, await alice.GetAsync("/api/v1/drains"));
            await Support.Api.ExpectAsync(HttpStatusCode.OK, await alice.GetAsync("/api/v1/clusters"));
        }
        finally
        {
            // Stopping flushes the exporter's batch.
            await server.StopAsync();
            await server.DisposeAsync();
        }

        var spans = receiver.Spans;
        Assert.Contains(spans, s => s.Name.StartsWith("GET /api/v1/drains", StringComparison.Ordinal) && s.ServiceName == ServerConstants.ServiceName);
        Assert.Contains(spans, s => s.Name == "GET /api/v1/clusters");
        foreach (var body in receiver.Bodies)
        {
            var text = Encoding.Latin1.GetString(body);
            Assert.DoesNotContain(fixture.Tokens["alice"][..12], text, StringComparison.Ordinal);
        }
    }
}
