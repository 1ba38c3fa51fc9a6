namespace DrainOrchestrator.Core.Snapshot;

/// <summary>
/// Finds a node in a snapshot's node list by name, indexing the list only when its layout changed: the engine's
/// snapshots keep each node in its slot from one snapshot to the next (a changed node replaces its slot's instance), so
/// one index of names to slots serves every later list. Each find checks the slot's name, and indexes the list again
/// when it does not match. Not thread-safe.
/// </summary>
public sealed class NodeSlots
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private IReadOnlyList<NodeSnapshot>? _indexed;

    /// <summary>The node named <paramref name="name"/> in <paramref name="nodes"/>; null when it has none.</summary>
    public NodeSnapshot? Find(IReadOnlyList<NodeSnapshot> nodes, string name)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (_slots.TryGetValue(name, out var slot) && slot < nodes.Count && string.Equals(nodes[slot].Name, name, StringComparison.Ordinal))
        {
            return nodes[slot];
        }

        if (ReferenceEquals(nodes, _indexed))
        {
            return null;
        }

        _slots.Clear();
        for (var i = 0; i < nodes.Count; i++)
        {
            _slots.TryAdd(nodes[i].Name, i);
        }

        _indexed = nodes;
        return _slots.TryGetValue(name, out slot) ? nodes[slot] : null;
    }
}
