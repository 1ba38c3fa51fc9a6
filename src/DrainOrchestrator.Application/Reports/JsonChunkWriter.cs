using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose bytes go to a <see cref="TextWriter"/> a chunk at a time, so a large document
/// is never held whole.
/// </summary>
internal sealed class JsonChunkWriter : IAsyncDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes * 2);
    private readonly TextWriter _output;

    public JsonChunkWriter(TextWriter output, bool indented)
    {
        _output = output;
        Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = indented });
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>Passes what was written on once a chunk's worth has gathered.</summary>
    public async Task FlushIfFullAsync(CancellationToken cancellationToken)
    {
        if (Json.BytesPending + _buffer.WrittenCount >= ChunkBytes)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Json.FlushAsync(cancellationToken);
        await _output.WriteAsync(Encoding.UTF8.GetString(_buffer.WrittenSpan).AsMemory(), cancellationToken);
        _buffer.ResetWrittenCount();
    }

    public async ValueTask DisposeAsync() => await Json.DisposeAsync();
}
