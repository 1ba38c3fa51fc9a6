using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// Decodes a list response as it arrives: a <see cref="Utf8JsonReader"/> walks the top-level object across buffer
/// refills (its state carried in a <see cref="JsonReaderState"/>), reads metadata, and decodes <c>items</c> one element at
/// a time. The buffer holds the unread rest of the current item, never the whole response. Each item is found by
/// skipping over it once, then deserialized from its own contiguous bytes.
/// </summary>
internal sealed class ListStreamDecoder<T>(Stream stream, JsonTypeInfo<T> itemInfo) : IDisposable
    where T : KubernetesObject
{
    private readonly ResponseReadBuffer _buffer = new(stream);
    private JsonReaderState _state;
    private Phase _phase = Phase.Start;

    private enum Phase
    {
        Start,
        Properties,
        Items,
        Done,
    }

    /// <summary>The list metadata, filled in when the response's <c>metadata</c> has been read (normally before any item).</summary>
    public ListMeta Metadata { get; private set; } = new();

    /// <summary>Adds the next decoded items to <paramref name="batch"/>; returns false once the response is complete.</summary>
    public async ValueTask<bool> ReadAsync(List<T> batch, CancellationToken cancellationToken)
    {
        while (_phase != Phase.Done)
        {
            var more = await _buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _buffer.Consume(Decode(_buffer.Unread, isFinal: !more, batch));
            }
            catch (JsonException ex)
            {
                throw new KubernetesApiException(null, null, $"Kubernetes API: a list response is not valid JSON ({ex.Message})",
                    verdict: RetryVerdict.BackOff, innerException: ex);
            }

            if (batch.Count > 0)
            {
                return true;
            }

            if (!more && _phase != Phase.Done)
            {
                throw new KubernetesApiException(null, null, "Kubernetes API: the list response ended before its last item",
                    verdict: RetryVerdict.BackOff);
            }
        }

        return false;
    }

    public void Dispose() => _buffer.Dispose();

    // Consumes every complete step it can; returns how many bytes they took, with _state to resume after them.
    private int Decode(ReadOnlySpan<byte> data, bool isFinal, List<T> batch)
    {
        var reader = new Utf8JsonReader(data, isFinal, _state);
        var safe = 0;
        while (_phase != Phase.Done && Step(ref reader, data, batch))
        {
            safe = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        return safe;
    }

    // One step of the walk; false when the data ends before the step is complete (nothing of it is kept).
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<T> batch)
    {
        if (!reader.Read())
        {
            return false;
        }

        switch (_phase)
        {
            case Phase.Start:
                Expect(reader.TokenType == JsonTokenType.StartObject, "an object");
                _phase = Phase.Properties;
                return true;

            case Phase.Properties when reader.TokenType == JsonTokenType.EndObject:
                _phase = Phase.Done;
                return true;

            case Phase.Properties:
                return ReadProperty(ref reader);

            case Phase.Items when reader.TokenType == JsonTokenType.EndArray:
                _phase = Phase.Properties;
                return true;

            default:
                return ReadItem(ref reader, data, batch);
        }
    }

    private bool ReadProperty(ref Utf8JsonReader reader)
    {
        var isItems = reader.ValueTextEquals("items"u8);
        var isMetadata = reader.ValueTextEquals("metadata"u8);
        if (!reader.Read())
        {
            return false;
        }

        if (isItems && reader.TokenType == JsonTokenType.StartArray)
        {
            _phase = Phase.Items;
            return true;
        }

        Expect(!isItems || reader.TokenType == JsonTokenType.Null, "an array in items");

        var probe = reader;
        if (!probe.TrySkip())
        {
            return false;
        }

        if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
        {
            Metadata = JsonSerializer.Deserialize(ref reader, KubernetesJsonContext.Default.ListMeta) ?? new ListMeta();
        }
        else
        {
            reader.TrySkip();
        }

        return true;
    }

    private bool ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<T> batch)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        Expect(reader.TokenType == JsonTokenType.StartObject, "an object in items");
        var start = (int)reader.TokenStartIndex;
        var end = reader;
        if (!end.TrySkip())
        {
            return false;
        }

        // The item's bytes are complete and contiguous: deserializing from the span reads them once more, not twice.
        var item = JsonSerializer.Deserialize(data[start..(int)end.BytesConsumed], itemInfo);
        reader = end;
        if (item is not null)
        {
            batch.Add(item);
        }

        return true;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new JsonException($"expected {what}");
        }
    }
}
