using System.Buffers;
using DrainOrchestrator.Kubernetes.Errors;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// The read side of a streamed response for the incremental decoders: the bytes not yet decoded are always one
/// contiguous span, so <see cref="System.Text.Json.Utf8JsonReader"/> takes its single-span path and a complete item is
/// deserialized straight from its own bytes. It holds the undecoded rest of the current item plus one read; it grows
/// only when a single item is larger than that, so memory follows the largest object, not the response.
/// </summary>
internal sealed class ResponseReadBuffer(Stream stream) : IDisposable
{
    // A TLS record carries at most 16 KiB, so one read rarely brings more than that.
    private const int InitialSize = 64 * 1024;
    private const int MinimumReadSize = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _start;
    private int _end;

    /// <summary>The bytes read but not yet consumed.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Marks the first <paramref name="count"/> bytes of <see cref="Unread"/> as decoded.</summary>
    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    /// <summary>
    /// Appends what the stream has to <see cref="Unread"/> (waiting only until some bytes arrive); returns false when the
    /// stream has ended. A transport failure is thrown as a back-off <see cref="KubernetesApiException"/>.
    /// </summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        int read;
        try
        {
            read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw KubernetesApiException.FromTransportFailure(ex);
        }

        _end += read;
        return read > 0;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = 0;
        _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void MakeRoom()
    {
        if (_buffer.Length - _end >= MinimumReadSize)
        {
            return;
        }

        var unread = _end - _start;
        var target = _buffer;
        if (unread + MinimumReadSize > _buffer.Length)
        {
            // One item is larger than the buffer less a read: grow, never truncate.
            target = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, unread + MinimumReadSize));
        }

        _buffer.AsSpan(_start, unread).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _start = 0;
        _end = unread;
    }
}
