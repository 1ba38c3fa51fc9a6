using System.Net;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A watch response read line by line.</summary>
public sealed class WatchStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader? _reader;

    private WatchStream(HttpResponseMessage response, StreamReader? reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpStatusCode Code => _response.StatusCode;

    public static async Task<WatchStream> OpenAsync(HttpClient client, string pathAndQuery)
    {
        var response = await client.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead);
        var reader = response.IsSuccessStatusCode ? new StreamReader(await response.Content.ReadAsStreamAsync()) : null;
        return new WatchStream(response, reader);
    }

    public async Task<JsonObject> ErrorBodyAsync() => JsonNode.Parse(await _response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var line = await _reader!.ReadLineAsync(cancel.Token);
        return line is null ? null : JsonNode.Parse(line)!.AsObject();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _response.Dispose();
    }
}
