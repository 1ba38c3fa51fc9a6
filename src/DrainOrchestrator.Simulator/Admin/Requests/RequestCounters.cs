using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Admin.Requests;

/// <summary>Counts API requests by verb and resource (faulted ones included), for the ground truth.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<RequestCounterKey, long> _counts = new();

    /// <summary>Counts one request.</summary>
    public void Count(string verb, string group, string resource, string? subresource) =>
        _counts.AddOrUpdate(new RequestCounterKey(verb, group, resource, subresource ?? ""), 1, (_, n) => n + 1);

    /// <summary>
    /// The counts so far, ordered by resource then verb. Taken with <c>ToArray</c>, which holds the dictionary's locks:
    /// LINQ over the dictionary itself sizes an array by <c>Count</c> and then copies, and a key counted in between
    /// made that throw.
    /// </summary>
    public IReadOnlyList<KeyValuePair<RequestCounterKey, long>> Snapshot() =>
        [.. _counts.ToArray().OrderBy(p => p.Key.Resource, StringComparer.Ordinal).ThenBy(p => p.Key.Verb, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Subresource, StringComparer.Ordinal)];

    /// <summary>Forgets every count.</summary>
    public void Reset() => _counts.Clear();

    /// <summary>The counts as the admin API shows them.</summary>
    public JsonObject ToJson()
    {
        var counts = Snapshot();
        var items = new JsonArray();
        foreach (var (key, count) in counts)
        {
            items.Add(new JsonObject
            {
                ["verb"] = key.Verb,
                ["group"] = key.Group,
                ["resource"] = key.Resource,
                ["subresource"] = key.Subresource,
                ["count"] = count,
            });
        }

        return new JsonObject { ["total"] = counts.Sum(p => p.Value), ["requests"] = items };
    }
}
