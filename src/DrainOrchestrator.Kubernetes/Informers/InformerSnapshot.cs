using System.Collections.Immutable;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>
/// An immutable, consistent view of an informer's cache at one resource version: objects and indexes always agree,
/// and nothing changes under a reader. Safe to share across threads. The objects are the cache's own: treat them as
/// read-only (copy before changing one to send it back).
/// </summary>
/// <typeparam name="T">The informed kind.</typeparam>
public sealed partial class InformerSnapshot<T>
    where T : KubernetesObject
{
    private readonly ImmutableDictionary<string, T> _items;
    private readonly ImmutableDictionary<string, ImmutableDictionary<string, ImmutableHashSet<string>>> _indexes;
    private readonly IReadOnlyList<InformerIndex<T>> _definitions;

    private InformerSnapshot(
        ImmutableDictionary<string, T> items,
        ImmutableDictionary<string, ImmutableDictionary<string, ImmutableHashSet<string>>> indexes,
        IReadOnlyList<InformerIndex<T>> definitions,
        string? resourceVersion)
    {
        _items = items;
        _indexes = indexes;
        _definitions = definitions;
        ResourceVersion = resourceVersion;
    }

    /// <summary>The resource version this view is at; <see langword="null"/> before the first list.</summary>
    public string? ResourceVersion { get; }

    /// <summary>How many objects the cache holds.</summary>
    public int Count => _items.Count;

    /// <summary>Every cached object, in no particular order.</summary>
    public IEnumerable<T> Items => _items.Values;

    /// <summary>The object with this key (see <see cref="InformerKeys"/>), or <see langword="null"/>.</summary>
    public T? Get(string key) => _items.TryGetValue(key, out var value) ? value : null;

    /// <summary>The object with this namespace and name, or <see langword="null"/>.</summary>
    public T? Get(string? @namespace, string name) => Get(InformerKeys.Of(@namespace, name));

    /// <summary>The objects an index files under <paramref name="key"/>, ordered by object key; empty when none.</summary>
    public IReadOnlyList<T> GetByIndex(string indexName, string key)
    {
        if (!_indexes.TryGetValue(indexName, out var index))
        {
            throw new ArgumentException($"The informer has no index named '{indexName}'.", nameof(indexName));
        }

        if (!index.TryGetValue(key, out var keys))
        {
            return [];
        }

        return keys.Order(StringComparer.Ordinal).Select(k => _items[k]).ToList();
    }

    /// <summary>The keys an index knows, e.g. every node name that has VMIs.</summary>
    public IReadOnlyCollection<string> GetIndexKeys(string indexName)
        => _indexes.TryGetValue(indexName, out var index)
            ? index.Keys.ToList()
            : throw new ArgumentException($"The informer has no index named '{indexName}'.", nameof(indexName));
}
