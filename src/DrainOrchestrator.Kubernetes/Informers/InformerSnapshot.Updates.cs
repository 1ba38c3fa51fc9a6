using System.Collections.Immutable;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>Building the next snapshot from this one (only the informer's single writer does this).</summary>
public sealed partial class InformerSnapshot<T>
{
    internal static InformerSnapshot<T> Empty(IReadOnlyList<InformerIndex<T>> definitions)
        => new(ImmutableDictionary<string, T>.Empty.WithComparers(StringComparer.Ordinal),
            definitions.ToImmutableDictionary(d => d.Name, _ => ImmutableDictionary<string, ImmutableHashSet<string>>.Empty, StringComparer.Ordinal),
            definitions, null);

    internal InformerSnapshot<T> Replace(IReadOnlyList<T> items, string? resourceVersion)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            builder[InformerKeys.Of(item)] = item;
        }

        var indexes = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, ImmutableHashSet<string>>>(StringComparer.Ordinal);
        foreach (var definition in _definitions)
        {
            var keys = new Dictionary<string, ImmutableHashSet<string>.Builder>(StringComparer.Ordinal);
            foreach (var (key, item) in builder)
            {
                foreach (var indexKey in definition.KeysOf(item))
                {
                    if (!keys.TryGetValue(indexKey, out var set))
                    {
                        keys[indexKey] = set = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                    }

                    set.Add(key);
                }
            }

            indexes[definition.Name] = keys.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
        }

        return new InformerSnapshot<T>(builder.ToImmutable(), indexes.ToImmutable(), _definitions, resourceVersion);
    }

    internal InformerSnapshot<T> Upsert(string key, T value, string? resourceVersion)
    {
        var old = Get(key);
        var indexes = _indexes;
        foreach (var definition in _definitions)
        {
            var newKeys = definition.KeysOf(value);
            var oldKeys = old is null ? null : definition.KeysOf(old);
            if (oldKeys is not null && oldKeys.SequenceEqual(newKeys, StringComparer.Ordinal))
            {
                // Filed under the same keys already, as with most MODIFIED events (a VMI that stays on its node).
                continue;
            }

            var index = indexes[definition.Name];
            if (oldKeys is not null)
            {
                index = Unfile(index, oldKeys, key);
            }

            index = File(index, newKeys, key);
            indexes = indexes.SetItem(definition.Name, index);
        }

        return new InformerSnapshot<T>(_items.SetItem(key, value), indexes, _definitions, resourceVersion ?? ResourceVersion);
    }

    internal InformerSnapshot<T> Remove(string key, string? resourceVersion)
    {
        var old = Get(key);
        if (old is null)
        {
            return new InformerSnapshot<T>(_items, _indexes, _definitions, resourceVersion ?? ResourceVersion);
        }

        var indexes = _indexes;
        foreach (var definition in _definitions)
        {
            indexes = indexes.SetItem(definition.Name, Unfile(indexes[definition.Name], definition.KeysOf(old), key));
        }

        return new InformerSnapshot<T>(_items.Remove(key), indexes, _definitions, resourceVersion ?? ResourceVersion);
    }

    private static ImmutableDictionary<string, ImmutableHashSet<string>> File(
        ImmutableDictionary<string, ImmutableHashSet<string>> index, IEnumerable<string> indexKeys, string key)
    {
        foreach (var indexKey in indexKeys)
        {
            var set = index.TryGetValue(indexKey, out var existing) ? existing : ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);
            index = index.SetItem(indexKey, set.Add(key));
        }

        return index;
    }

    private static ImmutableDictionary<string, ImmutableHashSet<string>> Unfile(
        ImmutableDictionary<string, ImmutableHashSet<string>> index, IEnumerable<string> indexKeys, string key)
    {
        foreach (var indexKey in indexKeys)
        {
            if (index.TryGetValue(indexKey, out var set))
            {
                set = set.Remove(key);
                index = set.IsEmpty ? index.Remove(indexKey) : index.SetItem(indexKey, set);
            }
        }

        return index;
    }
}
