using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Placement;

/// <summary>
/// Feasible targets for VMIs, like kube-scheduler's filters: ready, not cordoned, not being drained, taints tolerated,
/// nodeSelector and required affinity satisfied, enough free memory after what is already reserved for migrations,
/// never the source. Built once per decision; memory reservations mutate it, so one instance serves one caller.
/// Nodes admitted by equal constraints are computed once per distinct constraint set, which keeps planning linear in
/// the number of VMIs rather than VMIs times nodes.
/// </summary>
public sealed partial class PlacementIndex
{
    private readonly NodeSnapshot[] _candidates;
    private readonly long[] _free;
    private readonly Dictionary<string, int[]> _fitByConstraints = new(StringComparer.Ordinal);

    // Built on the first lookup by name: the scheduler works by candidate index and never needs it.
    private Dictionary<string, int>? _indexByName;

    /// <summary>Builds the index over <paramref name="nodes"/>, excluding <paramref name="drainingNodes"/>.</summary>
    /// <param name="nodes">Every node of the cluster.</param>
    /// <param name="drainingNodes">Nodes being drained (by this or any other drain): never targets.</param>
    /// <param name="reservedMemory">Memory already promised to targets by planned or in-flight migrations.</param>
    public PlacementIndex(
        IReadOnlyList<NodeSnapshot> nodes,
        IReadOnlySet<string> drainingNodes,
        IReadOnlyDictionary<string, long>? reservedMemory = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(drainingNodes);
        var candidates = new List<NodeSnapshot>(nodes.Count);
        foreach (var node in nodes)
        {
            if (NodeFit.IsSchedulable(node) && !drainingNodes.Contains(node.Name))
            {
                candidates.Add(node);
            }
        }

        _candidates = [.. candidates];
        _free = new long[_candidates.Length];
        var anyReserved = reservedMemory is { Count: > 0 };
        for (var i = 0; i < _candidates.Length; i++)
        {
            var reserved = anyReserved && reservedMemory!.TryGetValue(_candidates[i].Name, out var r) ? r : 0;
            _free[i] = _candidates[i].FreeMemoryBytes - reserved;
        }
    }

    /// <summary>Nodes that may receive migrations at all (ready, schedulable, not draining).</summary>
    public int CandidateCount => _candidates.Length;

    /// <summary>Free memory of a candidate after reservations; null when the node is not a candidate.</summary>
    public long? FreeMemory(string nodeName) =>
        IndexByName().TryGetValue(nodeName, out var i) ? _free[i] : null;

    /// <summary>Promises <paramref name="bytes"/> of <paramref name="nodeName"/>'s memory to a migration.</summary>
    public void Reserve(string nodeName, long bytes)
    {
        if (IndexByName().TryGetValue(nodeName, out var i))
        {
            _free[i] -= bytes;
        }
    }

    /// <summary>Every node that can take <paramref name="vmi"/> now, in the index's node order.</summary>
    public IReadOnlyList<NodeSnapshot> FeasibleTargets(VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var result = new List<NodeSnapshot>();
        foreach (var i in Fitting(vmi))
        {
            if (IsTargetAt(i, vmi))
            {
                result.Add(_candidates[i]);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="nodeName"/> can take <paramref name="vmi"/> now.</summary>
    public bool IsFeasible(VmiSnapshot vmi, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        return IndexByName().TryGetValue(nodeName, out var i)
            && IsTargetAt(i, vmi)
            && NodeFit.SatisfiesConstraints(_candidates[i], vmi);
    }

    /// <summary>Whether a node other than its own admits <paramref name="vmi"/> by its labels and taints, whatever its memory.</summary>
    public bool AdmitsByConstraints(VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        foreach (var i in Fitting(vmi))
        {
            if (!string.Equals(_candidates[i].Name, vmi.NodeName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Candidate node indexes whose labels and taints admit the VMI (memory not considered).</summary>
    internal int[] Fitting(VmiSnapshot vmi)
    {
        var key = ConstraintKey.For(vmi);
        if (!_fitByConstraints.TryGetValue(key, out var fitting))
        {
            var list = new List<int>();
            for (var i = 0; i < _candidates.Length; i++)
            {
                if (NodeFit.SatisfiesConstraints(_candidates[i], vmi))
                {
                    list.Add(i);
                }
            }

            fitting = [.. list];
            _fitByConstraints[key] = fitting;
        }

        return fitting;
    }

    internal NodeSnapshot Candidate(int index) => _candidates[index];

    internal long FreeAt(int index) => _free[index];

    internal void ReserveAt(int index, long bytes) => _free[index] -= bytes;

    /// <summary>Whether candidate <paramref name="index"/> has the memory for <paramref name="vmi"/> and is not its node.</summary>
    internal bool IsTargetAt(int index, VmiSnapshot vmi) =>
        _free[index] >= vmi.MemoryBytes && !string.Equals(_candidates[index].Name, vmi.NodeName, StringComparison.Ordinal);

    private Dictionary<string, int> IndexByName()
    {
        if (_indexByName is null)
        {
            _indexByName = new Dictionary<string, int>(_candidates.Length, StringComparer.Ordinal);
            for (var i = 0; i < _candidates.Length; i++)
            {
                _indexByName[_candidates[i].Name] = i;
            }
        }

        return _indexByName;
    }
}
