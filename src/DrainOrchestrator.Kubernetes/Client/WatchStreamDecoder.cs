using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// Decodes a watch stream: one JSON event per line, each decoded as soon as its newline arrives (never waiting for a
/// buffer to fill), holding at most one partial event in memory. An ERROR event (whose object is a Status, not a
/// <typeparamref name="T"/>) or a line that is not valid JSON is thrown as a <see cref="KubernetesApiException"/> in its
/// turn, after the events before it.
/// </summary>
internal sealed class WatchStreamDecoder<T>(Stream stream, JsonTypeInfo<WatchEvent<T>> typeInfo) : IDisposable
    where T : KubernetesObject
{
    private readonly ResponseReadBuffer _buffer = new(stream);
    private readonly Queue<(WatchEvent<T>? Event, KubernetesApiException? Error)> _ready = new();
    private int _scanned;
    private bool _completed;

    /// <summary>Returns the next event, or <see langword="null"/> when the stream has ended.</summary>
    public async ValueTask<WatchEvent<T>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0 && !_completed)
        {
            var more = await _buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            DecodeLines(isFinal: !more);
            _completed = !more;
        }

        if (_ready.Count == 0)
        {
            return null;
        }

        var (watchEvent, error) = _ready.Dequeue();
        if (error is not null)
        {
            // Nothing after a failed event is delivered: the caller resumes from the last good one.
            _ready.Clear();
            _completed = true;
            throw error;
        }

        return watchEvent;
    }

    public void Dispose() => _buffer.Dispose();

    private void DecodeLines(bool isFinal)
    {
        var data = _buffer.Unread;
        var consumed = 0;
        int newline;

        // Bytes already searched in an earlier call hold no newline: search only what this read added.
        while ((newline = data[(consumed + _scanned)..].IndexOf((byte)'\n')) >= 0)
        {
            var end = consumed + _scanned + newline;
            Decode(data[consumed..end]);
            consumed = end + 1;
            _scanned = 0;
        }

        if (isFinal && consumed < data.Length)
        {
            // The last event may lack its newline when the server closes right after it.
            Decode(data[consumed..]);
            consumed = data.Length;
        }

        _scanned = data.Length - consumed;
        _buffer.Consume(consumed);
    }

    private void Decode(ReadOnlySpan<byte> line)
    {
        if (IsBlank(line))
        {
            return;
        }

        try
        {
            if (IsErrorEvent(line))
            {
                var error = JsonSerializer.Deserialize(line, KubernetesJsonContext.Default.WatchEventStatus)?.Object
                    ?? new Status { Message = "The watch reported an error without details." };
                _ready.Enqueue((null, KubernetesApiException.FromStatus(error, error.Code is { } code ? (System.Net.HttpStatusCode)code : null)));
                return;
            }

            var watchEvent = JsonSerializer.Deserialize(line, typeInfo);
            if (watchEvent is not null)
            {
                _ready.Enqueue((watchEvent, null));
            }
        }
        catch (JsonException ex)
        {
            _ready.Enqueue((null, new KubernetesApiException(null, null, $"Kubernetes API: a watch event is not valid JSON ({ex.Message})",
                verdict: RetryVerdict.BackOff, innerException: ex)));
        }
    }

    // The API server writes "type" first, so this usually stops at the first property.
    private static bool IsErrorEvent(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(WatchEventTypes.Error);
            }

            reader.Skip();
        }

        return false;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \r\t"u8) < 0;
}
