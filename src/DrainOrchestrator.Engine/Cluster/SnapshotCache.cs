using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// Core's <see cref="ClusterSnapshot"/> of a cluster, kept between reads and brought up to date from the view's change
/// log (<see cref="IClusterView.ChangesSince"/>): only the VMIs, nodes and VMIMs that changed are mapped again, so a read
/// costs what changed plus copying the references of the lists Core reads. It equals <see cref="SnapshotMapper.Map"/>
/// of the same state but for the order of the VMIs, the unfinished VMIMs and the invalid hints (Core looks VMIs up by
/// uid). A view without a log, a list that replaced a kind, or a namespace change (its labels reach every VMI in it)
/// maps everything again. PodDisruptionBudgets are read again when one changed, or when a VMI changed and a PDB's limit
/// depends on how many VMIs it covers. One reader at a time.
/// </summary>
public sealed partial class SnapshotCache
{
    private long _through = -1;
    private ClusterSnapshot? _snapshot;

    /// <summary>How many objects the last read mapped again (every VMI and node when it mapped everything).</summary>
    public int LastMapped { get; private set; }

    /// <summary>
    /// What changed in the view before the last read (null: unknown), for a reader that keeps its own derived state in
    /// step with the snapshot's.
    /// </summary>
    public ClusterChanges? LastChanges { get; private set; }

    /// <summary>
    /// Whether the last read's snapshot is a new instance: false when nothing it carries changed, and the read returned
    /// the snapshot before it.
    /// </summary>
    public bool LastMoved { get; private set; } = true;

    /// <summary>The keys of the VMIs the last read mapped again; null when it mapped every VMI again.</summary>
    public IReadOnlySet<string>? LastRemapped { get; private set; }

    /// <summary>Reads the view's changes, then its state, and returns the state with its snapshot.</summary>
    public (ClusterState State, ClusterSnapshot Snapshot) Read(IClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        // Changes first: everything they name is in the state read after (a later change is named by the next read).
        var changes = view.ChangesSince(_through);
        var state = view.Current;
        return (state, Update(state, changes));
    }

    /// <summary>The snapshot of <paramref name="state"/>, given what changed since the last update (null: unknown).</summary>
    public ClusterSnapshot Update(ClusterState state, ClusterChanges? changes)
    {
        ArgumentNullException.ThrowIfNull(state);
        var moved = true;
        if (changes is null || changes.All || _snapshot is null || changes.Others.Contains(ClusterKind.Namespace))
        {
            Rebuild(state);
        }
        else
        {
            moved = Apply(state, changes) || changes.Others.Contains(ClusterKind.PodDisruptionBudget);
        }

        _through = changes?.Through ?? -1;
        LastChanges = changes;
        var migrations = UnfinishedMigrations(state);
        LastMoved = moved || !SnapshotContent.Same(_snapshot!.UnfinishedMigrations, migrations);
        if (!LastMoved)
        {
            // Nothing the snapshot carries changed (an annotation nobody reads, a status field it does not map).
            return _snapshot!;
        }

        _snapshot = new ClusterSnapshot(NodeList(), VmiList(), _config, _policies, migrations)
        {
            InvalidHints = [.. _vmiHints.Values, .. _nodeHints.Values],
            Budgets = DisruptionBudgets(state, changes),
        };
        return _snapshot;
    }

    private void Rebuild(ClusterState state)
    {
        ClearVmis();
        LastRemapped = null;
        foreach (var vmi in state.Vmis)
        {
            SetVmi(ClusterIndex.Key(vmi.Metadata.Namespace, vmi.Metadata.Name ?? ""), state);
        }

        RebuildNodes(state);
        MapClusterWide(state);
        _unfinished.Clear();
        foreach (var vmim in state.Migrations)
        {
            TrackMigration(ClusterIndex.Key(vmim.Metadata.Namespace, vmim.Metadata.Name ?? ""), state);
        }

        LastMapped = state.Vmis.Count + state.Nodes.Count;
    }

    // Maps what changed again; true when something the snapshot carries moved.
    private bool Apply(ClusterState state, ClusterChanges changes)
    {
        _dirtyNodes.Clear();
        var moved = false;
        // A VM's VMI has the VM's namespace and name: a changed VM changes that VMI's run strategy and hints.
        var remapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changes.Vmis.Concat(changes.VirtualMachines))
        {
            if (remapped.Add(key))
            {
                moved |= SetVmi(key, state);
            }
        }

        LastRemapped = remapped;

        if (changes.Nodes.Any(n => _nodeSlots.ContainsKey(n) != (state.FindNode(n) is not null)))
        {
            RebuildNodes(state);
            moved = true;
        }
        else
        {
            _dirtyNodes.UnionWith(changes.Nodes);
            moved |= UpdateNodes(state);
        }

        if (changes.Others.Contains(ClusterKind.Policy) || changes.Others.Contains(ClusterKind.KubeVirt))
        {
            var (config, policies, nodes) = (_config, _policies, _nodes);
            MapClusterWide(state);
            moved |= !ReferenceEquals(config, _config) || !ReferenceEquals(policies, _policies) || !ReferenceEquals(nodes, _nodes);
        }

        foreach (var key in changes.Migrations)
        {
            TrackMigration(key, state);
        }

        LastMapped = changes.Count + _dirtyNodes.Count;
        return moved;
    }

    private void MapClusterWide(ClusterState state)
    {
        var migrationNetwork = SnapshotMapper.HasMigrationNetwork(state.KubeVirt);
        if (migrationNetwork != _migrationNetwork)
        {
            _migrationNetwork = migrationNetwork;
            RebuildNodes(state);
        }

        // The same instances while their content is the same: what reads the snapshot (the plan's revision) may keep
        // what it derived from them by reference.
        var config = SnapshotMapper.MapConfig(state.KubeVirt);
        if (!config.Equals(_config))
        {
            _config = config;
        }

        IReadOnlyList<MigrationPolicySnapshot> policies = [.. state.Policies.Select(SnapshotMapper.MapPolicy)];
        if (!PolicyChanges.Same(_policies, policies))
        {
            _policies = policies;
        }
    }
}
