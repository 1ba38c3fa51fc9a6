using System.Collections;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// A list kept in fixed chunks, whose frozen copies share the chunks that did not change: <see cref="Freeze"/> costs
/// the chunk table, and a change after it copies one chunk. So a snapshot of 100,000 VMIs taken after a few changed
/// allocates kilobytes, not the megabyte a copy of the whole list would (on the large-object heap, every pass). One writer.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int Shift = 10;
    private const int ChunkSize = 1 << Shift;
    private T[][] _chunks = [];
    private bool[] _shared = [];

    public int Count { get; private set; }

    public T this[int index]
    {
        get => _chunks[index >> Shift][index & (ChunkSize - 1)];
        set => Owned(index >> Shift)[index & (ChunkSize - 1)] = value;
    }

    public void Add(T item)
    {
        var chunk = Count >> Shift;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, chunk + 1);
            Array.Resize(ref _shared, chunk + 1);
            _chunks[chunk] = new T[ChunkSize];
        }

        Owned(chunk)[Count & (ChunkSize - 1)] = item;
        Count++;
    }

    public void RemoveLast()
    {
        Count--;
        Owned(Count >> Shift)[Count & (ChunkSize - 1)] = default!;
    }

    public void Clear()
    {
        _chunks = [];
        _shared = [];
        Count = 0;
    }

    /// <summary>An immutable copy of the list as it is now.</summary>
    public IReadOnlyList<T> Freeze()
    {
        Array.Fill(_shared, true);
        return new Frozen([.. _chunks], Count);
    }

    private T[] Owned(int chunk)
    {
        if (_shared[chunk])
        {
            _chunks[chunk] = [.. _chunks[chunk]];
            _shared[chunk] = false;
        }

        return _chunks[chunk];
    }

    private sealed class Frozen(T[][] chunks, int count) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count
            ? chunks[index >> Shift][index & (ChunkSize - 1)]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {count} items.");

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return chunks[i >> Shift][i & (ChunkSize - 1)];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
