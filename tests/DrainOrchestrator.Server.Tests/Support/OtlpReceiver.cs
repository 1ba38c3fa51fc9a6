using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Tests.Support;

/// <summary>One span as exported: its name and its resource's <c>service.name</c>.</summary>
internal sealed record ReceivedSpan(string Name, string? ServiceName);

/// <summary>
/// An OTLP/HTTP traces receiver on a loopback port (<c>POST /v1/traces</c>, protobuf), reading just enough of
/// ExportTraceServiceRequest to list the spans: resource_spans = 1 { resource = 1 { attributes = 1 }, scope_spans = 2
/// { spans = 2 { name = 5 } } }. The raw bodies are kept, to look for what must never be exported.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _bodies = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to give as <c>--otlp-endpoint</c>.</summary>
    public Uri TracesEndpoint { get; private set; } = null!;

    public IReadOnlyList<byte[]> Bodies => [.. _bodies];

    public IReadOnlyList<ReceivedSpan> Spans => [.. _bodies.SelectMany(Parse)];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._bodies.Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        receiver.TracesEndpoint = new Uri(app.Urls.First().TrimEnd('/') + "/v1/traces");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IEnumerable<ReceivedSpan> Parse(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))
                .Where(attribute => Text(Fields(attribute, 1).FirstOrDefault()) == "service.name")
                .Select(attribute => Text(Fields(attribute, 2).SelectMany(value => Fields(value, 1)).FirstOrDefault()))
                .FirstOrDefault();
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scopeSpans => Fields(scopeSpans, 2)))
            {
                yield return new ReceivedSpan(Text(Fields(span, 5).FirstOrDefault()) ?? string.Empty, service);
            }
        }
    }

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    // The length-delimited values of field `number` in one protobuf message; other fields are skipped by wire type.
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case 0:
                    Varint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if (field == number)
                    {
                        found.Add(message[at..(at + length)]);
                    }

                    at += length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {wire} at byte {at}");
            }
        }

        return found;
    }

    private static ulong Varint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
