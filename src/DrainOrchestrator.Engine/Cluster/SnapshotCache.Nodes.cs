using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The nodes of the snapshot, in the state's order, each mapped again when it or the memory requested on it changes.</summary>
public sealed partial class SnapshotCache
{
    private readonly Dictionary<string, int> _nodeSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InvalidHint> _nodeHints = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirtyNodes = new(StringComparer.Ordinal);
    private NodeSnapshot[] _nodes = [];
    private bool _nodesShared;
    private ClusterMigrationConfig _config = ClusterMigrationConfig.KubeVirtDefaults;
    private IReadOnlyList<MigrationPolicySnapshot> _policies = [];

    // Whether the KubeVirt CR names a migration network: which bandwidth hint a node's NIC is read from.
    private bool _migrationNetwork;

    private void RebuildNodes(ClusterState state)
    {
        _nodeSlots.Clear();
        _nodeHints.Clear();
        _nodes = new NodeSnapshot[state.Nodes.Count];
        _nodesShared = false;
        for (var i = 0; i < state.Nodes.Count; i++)
        {
            _nodeSlots.TryAdd(state.Nodes[i].Metadata.Name ?? "", i);
            _nodes[i] = MapNode(state.Nodes[i]);
        }

        _dirtyNodes.Clear();
    }

    // Maps the changed nodes again; true when one maps to something new (one that maps to what the snapshot lists
    // already keeps its instance).
    private bool UpdateNodes(ClusterState state)
    {
        var moved = false;
        foreach (var name in _dirtyNodes)
        {
            if (_nodeSlots.TryGetValue(name, out var slot) && state.FindNode(name) is { } node)
            {
                var hint = _nodeHints.GetValueOrDefault(name);
                _nodeHints.Remove(name);
                var mapped = MapNode(node);
                if (Equals(hint, _nodeHints.GetValueOrDefault(name)) && SnapshotContent.Same(_nodes[slot], mapped))
                {
                    continue;
                }

                if (_nodesShared)
                {
                    _nodes = [.. _nodes];
                    _nodesShared = false;
                }

                _nodes[slot] = mapped;
                moved = true;
            }
        }

        return moved;
    }

    private NodeSnapshot MapNode(Node node)
    {
        var name = node.Metadata.Name ?? "";
        var invalid = new List<InvalidHint>(0);
        var mapped = SnapshotMapper.MapNode(node, _requested.GetValueOrDefault(name), _migrationNetwork, invalid);
        if (invalid.Count > 0)
        {
            _nodeHints[name] = invalid[0];
        }

        return mapped;
    }

    // Handed out as is: the next change to a node copies the array first.
    private NodeSnapshot[] NodeList()
    {
        _nodesShared = true;
        return _nodes;
    }
}
