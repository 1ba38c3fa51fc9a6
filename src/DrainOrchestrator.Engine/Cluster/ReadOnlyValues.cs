using System.Collections;
using System.Collections.Immutable;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The values of an immutable dictionary as a list, copied out on first use only: a <see cref="ClusterState"/> made by a
/// <see cref="ClusterCache"/> costs nothing per object until someone enumerates that kind.
/// </summary>
internal sealed class ReadOnlyValues<T>(ImmutableDictionary<string, T> items) : IReadOnlyList<T>
{
    private T[]? _values;

    public int Count => items.Count;

    public T this[int index] => Values[index];

    private T[] Values => _values ??= [.. items.Values];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
