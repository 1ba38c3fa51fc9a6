namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>
/// A read-only stream over fixed bytes that hands them out in scripted chunks, so a decoder sees exactly the reads a test
/// chooses: chunk sizes are used in turn (cycled), a read smaller than the current chunk leaves the rest of that chunk for
/// the next read, and no read ever crosses into the next chunk. Records how large a buffer every read offered. Once the
/// bytes are out it reports end of stream, or throws <c>failure</c> when one is given (a dropped connection).
/// </summary>
internal sealed class ChunkedReadStream(byte[] data, IReadOnlyList<int> chunkSizes, Exception? failure = null) : Stream
{
    private int _position;
    private int _nextChunk;
    private int _chunkLeft;

    /// <summary>The buffer length offered by every read, in order.</summary>
    public List<int> OfferedSizes { get; } = [];

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Chunk sizes that make a read end exactly at each of <paramref name="cuts"/>, and at least every <paramref name="bulk"/> bytes.</summary>
    public static List<int> CutAt(int length, IEnumerable<int> cuts, int bulk)
    {
        var sizes = new List<int>();
        var sorted = cuts.Where(c => c > 0 && c < length).Distinct().Order().ToList();
        var position = 0;
        var next = 0;
        while (position < length)
        {
            while (next < sorted.Count && sorted[next] <= position)
            {
                next++;
            }

            var end = Math.Min(length, position + bulk);
            if (next < sorted.Count && sorted[next] < end)
            {
                end = sorted[next];
            }

            sizes.Add(end - position);
            position = end;
        }

        return sizes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        OfferedSizes.Add(buffer.Length);
        if (_position == data.Length)
        {
            return failure is null ? 0 : throw failure;
        }

        if (_chunkLeft == 0)
        {
            _chunkLeft = chunkSizes[_nextChunk++ % chunkSizes.Count];
        }

        var count = Math.Min(Math.Min(_chunkLeft, buffer.Length), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        _chunkLeft -= count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
