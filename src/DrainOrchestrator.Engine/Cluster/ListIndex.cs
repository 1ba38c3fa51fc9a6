using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// A <see cref="ClusterIndex"/> built once from a state's lists (a state no <see cref="ClusterCache"/> made). Where a
/// key repeats, the first object listed wins, as a linear search would find it.
/// </summary>
internal sealed class ListIndex : ClusterIndex
{
    private readonly Dictionary<string, VirtualMachineInstance> _vmis;
    private readonly Dictionary<string, VirtualMachineInstance> _vmisByUid;
    private readonly Dictionary<string, VirtualMachineInstanceMigration> _migrations;
    private readonly Dictionary<string, Node> _nodes;
    private readonly Dictionary<string, Namespace> _namespaces;
    private readonly Dictionary<string, VirtualMachine> _vms;
    private readonly List<VirtualMachineInstanceMigration> _unfinished = [];
    private readonly HashSet<string> _endedDrainMigrations = new(StringComparer.Ordinal);

    private ListIndex(ClusterState state)
    {
        _vmis = ByKey(state.Vmis, InformerKeys.Of);
        _vmisByUid = ByKey(state.Vmis, v => v.Metadata.Uid);
        _migrations = ByKey(state.Migrations, InformerKeys.Of);
        _nodes = ByKey(state.Nodes, n => n.Metadata.Name);
        _namespaces = ByKey(state.Namespaces, n => n.Metadata.Name);
        _vms = ByKey(state.VirtualMachines, InformerKeys.Of);
        foreach (var vmim in _migrations.Values)
        {
            if (!MigrationStatus.IsFinished(vmim))
            {
                _unfinished.Add(vmim);
            }
            else if (MigrationStatus.IsEndedDrainMigration(vmim))
            {
                _endedDrainMigrations.Add(vmim.Metadata.Name ?? string.Empty);
            }
        }
    }

    public static ListIndex Of(ClusterState state) => new(state);

    public override VirtualMachineInstance? Vmi(string key) => _vmis.GetValueOrDefault(key);

    public override VirtualMachineInstance? VmiByUid(string uid) => _vmisByUid.GetValueOrDefault(uid);

    public override VirtualMachineInstanceMigration? Migration(string key) => _migrations.GetValueOrDefault(key);

    public override Node? Node(string name) => _nodes.GetValueOrDefault(name);

    public override Namespace? Namespace(string name) => _namespaces.GetValueOrDefault(name);

    public override VirtualMachine? VirtualMachine(string key) => _vms.GetValueOrDefault(key);

    public override IEnumerable<VirtualMachineInstanceMigration> UnfinishedMigrations => _unfinished;

    public override IEnumerable<string> EndedDrainMigrationNames => _endedDrainMigrations;

    public override bool IsEndedDrainMigration(string name) => _endedDrainMigrations.Contains(name);

    private static Dictionary<string, T> ByKey<T>(IReadOnlyList<T> items, Func<T, string?> keyOf)
    {
        var byKey = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (keyOf(item) is { } key)
            {
                byKey.TryAdd(key, item);
            }
        }

        return byKey;
    }
}
