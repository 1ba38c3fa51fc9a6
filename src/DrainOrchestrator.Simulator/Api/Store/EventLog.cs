namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// The newest committed changes, kept so a watch can resume from a resourceVersion. Every commit bumps the
/// resourceVersion by one and appends one event, so the retained versions are contiguous. Not thread-safe: the store
/// lock guards it.
/// </summary>
internal sealed class EventLog(int capacity)
{
    private readonly StoreEvent[] _ring = new StoreEvent[capacity];
    private int _start;
    private int _count;

    /// <summary>Versions up to and including this one are no longer retained.</summary>
    public long CompactedThrough { get; private set; }

    public void Append(StoreEvent change)
    {
        if (_count == _ring.Length)
        {
            CompactedThrough = _ring[_start].ResourceVersion;
            _start = (_start + 1) % _ring.Length;
            _count--;
        }

        _ring[(_start + _count) % _ring.Length] = change;
        _count++;
    }

    /// <summary>Drops every retained event, as an etcd compaction would.</summary>
    public void Compact(long currentVersion)
    {
        Array.Clear(_ring);
        _start = 0;
        _count = 0;
        CompactedThrough = currentVersion;
    }

    /// <summary>Whether every change after <paramref name="version"/> is still retained.</summary>
    public bool Covers(long version) => version >= CompactedThrough;

    /// <summary>The retained changes newer than <paramref name="version"/>, oldest first.</summary>
    public IEnumerable<StoreEvent> After(long version)
    {
        if (_count == 0)
        {
            yield break;
        }

        var first = _ring[_start].ResourceVersion;
        var skip = (int)Math.Clamp(version - first + 1, 0, _count);
        for (var i = skip; i < _count; i++)
        {
            yield return _ring[(_start + i) % _ring.Length];
        }
    }
}
