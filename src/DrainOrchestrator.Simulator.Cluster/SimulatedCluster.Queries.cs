namespace DrainOrchestrator.Simulator.Cluster;

public sealed partial class SimulatedCluster
{
    /// <summary>The KubeVirt CR's current migration configuration.</summary>
    public MigrationConfig MigrationConfig => Read(() => _ctx.State.Config);

    /// <summary>Every node, in scenario order.</summary>
    public IReadOnlyList<NodeSnapshot> GetNodes() => Read(() => _ctx.State.NodeList.Select(n => n.ToSnapshot()).ToList());

    /// <summary>One node, or null.</summary>
    public NodeSnapshot? GetNode(string name) =>
        Read(() => _ctx.State.Nodes.GetValueOrDefault(name)?.ToSnapshot());

    /// <summary>Every namespace.</summary>
    public IReadOnlyList<NamespaceSnapshot> GetNamespaces() =>
        Read(() => _ctx.State.Namespaces.Select(n => new NamespaceSnapshot(n.Key, n.Value)).ToList());

    /// <summary>Every VirtualMachine.</summary>
    public IReadOnlyList<VirtualMachineSnapshot> GetVirtualMachines() =>
        Read(() => _ctx.State.VmList.Select(v => v.ToVmSnapshot()).ToList());

    /// <summary>Every existing VMI.</summary>
    public IReadOnlyList<VmiSnapshot> GetVmis() =>
        Read(() => _ctx.State.VmList.Where(v => v.VmiUid is not null).Select(v => v.ToVmiSnapshot()).ToList());

    /// <summary>One VMI, or null.</summary>
    public VmiSnapshot? GetVmi(string @namespace, string name) => Read(() =>
        _ctx.State.Vms.GetValueOrDefault(ClusterKeys.Of(@namespace, name)) is { VmiUid: not null } vm ? vm.ToVmiSnapshot() : null);

    /// <summary>Every existing VMIM (garbage-collected and deleted ones are gone, as in KubeVirt).</summary>
    public IReadOnlyList<VmimSnapshot> GetMigrations() =>
        Read(() => _ctx.State.Migrations.Values.Select(m => m.ToSnapshot()).ToList());

    /// <summary>One VMIM, or null.</summary>
    public VmimSnapshot? GetMigration(string @namespace, string name) =>
        Read(() => _ctx.State.Migrations.GetValueOrDefault(ClusterKeys.Of(@namespace, name))?.ToSnapshot());

    /// <summary>Every virt-launcher pod.</summary>
    public IReadOnlyList<PodSnapshot> GetPods() => Read(() => _ctx.State.Pods.Values.Select(p => p.ToSnapshot()).ToList());

    /// <summary>Every MigrationPolicy, by name.</summary>
    public IReadOnlyList<MigrationPolicy> GetMigrationPolicies() => Read(() => _ctx.State.Policies.Values.ToList());

    /// <summary>Counts the controllers keep: in flight (Scheduling or later) and waiting in Pending.</summary>
    public (int InFlight, int Pending) GetMigrationCounts() => Read(() => (_controller.InFlight, _controller.PendingCount));

    /// <summary>The ground truth so far.</summary>
    public GroundTruthReport GetGroundTruth() =>
        Read(() => _truth.Report(Scenario.Name, Seed, StartedAt, _ctx.Now) with
        {
            VirtualMachines = [.. _ctx.State.VmList.Select(vm => VmTruth.Of(vm, Scenario.Name))],
        });

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
