using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// Decodes a watch stream: one JSON event per line, each decoded as soon as its newline arrives (never waiting for a
/// buffer to fill), holding at most one partial event in memory. An ERROR event (whose object is a Status, not a
/// <typeparamref name="T"/>) is thrown as a <see cref="KubernetesApiException"/> in its turn.
/// </summary>
internal sealed class WatchStreamDecoder<T>(Stream stream, JsonTypeInfo<WatchEvent<T>> typeInfo) : IAsyncDisposable
    where T : KubernetesObject
{
    private readonly PipeReader _reader = PipeReader.Create(stream);
    private readonly Queue<(WatchEvent<T>? Event, Status? Error)> _ready = new();
    private bool _completed;

    /// <summary>Returns the next event, or <see langword="null"/> when the stream has ended.</summary>
    public async ValueTask<WatchEvent<T>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0 && !_completed)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw KubernetesApiException.FromTransportFailure(ex);
            }

            var buffer = result.Buffer;
            DecodeLines(ref buffer, result.IsCompleted);
            _reader.AdvanceTo(buffer.Start, buffer.End);
            _completed = result.IsCompleted;
        }

        if (_ready.Count == 0)
        {
            return null;
        }

        var (watchEvent, error) = _ready.Dequeue();
        return error is null
            ? watchEvent
            : throw KubernetesApiException.FromStatus(error, error.Code is { } code ? (System.Net.HttpStatusCode)code : null);
    }

    public async ValueTask DisposeAsync() => await _reader.CompleteAsync().ConfigureAwait(false);

    private void DecodeLines(ref ReadOnlySequence<byte> buffer, bool isFinal)
    {
        while (buffer.PositionOf((byte)'\n') is { } newline)
        {
            Decode(buffer.Slice(0, newline));
            buffer = buffer.Slice(buffer.GetPosition(1, newline));
        }

        if (isFinal && !buffer.IsEmpty)
        {
            // The last event may lack its newline when the server closes right after it.
            Decode(buffer);
            buffer = buffer.Slice(buffer.End);
        }
    }

    private void Decode(ReadOnlySequence<byte> line)
    {
        if (IsBlank(line))
        {
            return;
        }

        try
        {
            if (IsErrorEvent(line))
            {
                var errorReader = new Utf8JsonReader(line);
                var error = JsonSerializer.Deserialize(ref errorReader, KubernetesJsonContext.Default.WatchEventStatus);
                _ready.Enqueue((null, error?.Object ?? new Status { Message = "The watch reported an error without details." }));
                return;
            }

            var reader = new Utf8JsonReader(line);
            var watchEvent = JsonSerializer.Deserialize(ref reader, typeInfo);
            if (watchEvent is not null)
            {
                _ready.Enqueue((watchEvent, null));
            }
        }
        catch (JsonException ex)
        {
            throw new KubernetesApiException(null, null, $"Kubernetes API: a watch event is not valid JSON ({ex.Message})",
                verdict: RetryVerdict.BackOff, innerException: ex);
        }
    }

    // The API server writes "type" first, so this usually stops at the first property.
    private static bool IsErrorEvent(ReadOnlySequence<byte> line)
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

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
