using DrainOrchestrator.Simulator.Cluster;
using Snap = DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Scheduling.Bench.Model;

/// <summary>
/// What the orchestrator would know about the simulated cluster: the model's change stream folded into current objects,
/// as the engine's informers fold watch events. Builds Core's <see cref="Snap.ClusterSnapshot"/> on demand and collects
/// the VMIMs that reached a final phase since they were last taken (the events the scheduler reacts to).
/// </summary>
internal sealed class ClusterMirror : IObserver<ClusterChange>, IDisposable
{
    private readonly List<string> _nodeOrder = [];
    private readonly Dictionary<string, NodeSnapshot> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VmiSnapshot> _vmis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VirtualMachineSnapshot> _vms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VmimSnapshot> _unfinished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _namespaces = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, MigrationPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Snap.VmiSnapshot> _mapped = new(StringComparer.Ordinal);
    private readonly List<VmimSnapshot> _finished = [];
    private readonly IDisposable _subscription;
    private MigrationConfig _config;

    public ClusterMirror(SimulatedCluster cluster, bool informed)
    {
        Informed = informed;
        _subscription = cluster.Subscribe(this);
        _config = cluster.MigrationConfig;
        foreach (var node in cluster.GetNodes())
        {
            Put(node);
        }

        foreach (var ns in cluster.GetNamespaces())
        {
            _namespaces[ns.Name] = ns.Labels;
        }

        foreach (var vm in cluster.GetVirtualMachines())
        {
            _vms[Key(vm.Namespace, vm.Name)] = vm;
        }

        foreach (var vmi in cluster.GetVmis())
        {
            _vmis[Key(vmi.Namespace, vmi.Name)] = vmi;
        }

        foreach (var policy in cluster.GetMigrationPolicies())
        {
            _policies[policy.Name] = policy;
        }

        foreach (var vmim in cluster.GetMigrations().Where(m => !m.IsFinal))
        {
            _unfinished[Key(vmim.Namespace, vmim.Name)] = vmim;
        }
    }

    /// <summary>Whether node NIC bandwidths and guest dirty rates are passed to Core (the engine reads them from annotations).</summary>
    public bool Informed { get; }

    /// <summary>A VMI by namespace and name, as last seen.</summary>
    public VmiSnapshot? Vmi(string @namespace, string name) => _vmis.GetValueOrDefault(Key(@namespace, name));

    /// <summary>Every VMI as last seen.</summary>
    public IEnumerable<VmiSnapshot> Vmis => _vmis.Values;

    /// <summary>Unfinished VMIMs as last seen.</summary>
    public int UnfinishedCount => _unfinished.Count;

    /// <summary>Whether a VMIM became final since <see cref="TakeFinished"/> was last called.</summary>
    public bool HasFinished => _finished.Count > 0;

    /// <summary>Whether any VMIM changed (created, changed phase, finished) since <see cref="TakeFinished"/>.</summary>
    public bool MigrationsChanged { get; private set; }

    /// <summary>The VMIMs that became final since the last call, in the order they did.</summary>
    public List<VmimSnapshot> TakeFinished()
    {
        var taken = new List<VmimSnapshot>(_finished);
        _finished.Clear();
        MigrationsChanged = false;
        return taken;
    }

    /// <summary>Core's view of the cluster now.</summary>
    public Snap.ClusterSnapshot Snapshot()
    {
        var vmis = new List<Snap.VmiSnapshot>(_vmis.Count);
        var requested = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, vmi) in _vmis)
        {
            if (vmi.Phase is not (VmiPhase.Running or VmiPhase.Scheduled) || vmi.NodeName is not { } node)
            {
                continue;
            }

            if (!_mapped.TryGetValue(key, out var mapped))
            {
                mapped = CoreMapper.Vmi(vmi, _vms.GetValueOrDefault(key), _namespaces.GetValueOrDefault(vmi.Namespace), Informed);
                _mapped[key] = mapped;
            }

            vmis.Add(mapped);
            requested[node] = requested.GetValueOrDefault(node) + vmi.MemoryBytes;
        }

        var nodes = _nodeOrder.Select(n => CoreMapper.Node(_nodes[n], requested.GetValueOrDefault(n), Informed)).ToList();
        var migrations = new List<Snap.MigrationSnapshot>(_unfinished.Count);
        foreach (var vmim in _unfinished.Values)
        {
            if (CoreMapper.Migration(vmim, _vmis.GetValueOrDefault(Key(vmim.Namespace, vmim.VmiName))) is { } migration)
            {
                migrations.Add(migration);
            }
        }

        return new Snap.ClusterSnapshot(nodes, vmis, CoreMapper.Config(_config),
            [.. _policies.Values.Select(CoreMapper.Policy)], migrations);
    }

    public void OnNext(ClusterChange value)
    {
        switch (value)
        {
            case NodeChanged c:
                Put(c.Node);
                break;
            case VmiChanged c:
                _vmis[Key(c.Vmi.Namespace, c.Vmi.Name)] = c.Vmi;
                _mapped.Remove(Key(c.Vmi.Namespace, c.Vmi.Name));
                break;
            case VmiDeleted c:
                _vmis.Remove(Key(c.Vmi.Namespace, c.Vmi.Name));
                _mapped.Remove(Key(c.Vmi.Namespace, c.Vmi.Name));
                break;
            case VirtualMachineChanged c:
                _vms[Key(c.VirtualMachine.Namespace, c.VirtualMachine.Name)] = c.VirtualMachine;
                _mapped.Remove(Key(c.VirtualMachine.Namespace, c.VirtualMachine.Name));
                break;
            case NamespaceChanged c:
                _namespaces[c.Namespace.Name] = c.Namespace.Labels;
                _mapped.Clear();
                break;
            case VmimChanged c:
                OnMigration(c.Migration);
                break;
            case VmimRemoved c:
                OnMigration(c.Migration);
                _unfinished.Remove(Key(c.Migration.Namespace, c.Migration.Name));
                break;
            case MigrationConfigChanged c:
                _config = c.Config;
                break;
            case MigrationPolicyChanged c:
                _policies[c.Policy.Name] = c.Policy;
                break;
            case MigrationPolicyDeleted c:
                _policies.Remove(c.Policy.Name);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();

    private static string Key(string @namespace, string name) => string.Concat(@namespace, "/", name);

    private void OnMigration(VmimSnapshot vmim)
    {
        MigrationsChanged = true;
        var key = Key(vmim.Namespace, vmim.Name);
        if (!vmim.IsFinal)
        {
            _unfinished[key] = vmim;
            return;
        }

        if (_unfinished.Remove(key))
        {
            _finished.Add(vmim);
        }
    }

    private void Put(NodeSnapshot node)
    {
        if (!_nodes.ContainsKey(node.Name))
        {
            _nodeOrder.Add(node.Name);
        }

        _nodes[node.Name] = node;
    }
}
