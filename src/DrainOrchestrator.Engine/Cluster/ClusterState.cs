using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The cluster objects the engine reads, at one instant. Treat the objects as read-only. Look-ups by uid or name go
/// through an index: the one a <see cref="ClusterCache"/> keeps current, or one built from the lists on the first
/// look-up (and dropped by a <c>with</c> copy, whose lists may differ).
/// </summary>
/// <param name="Nodes">Every node.</param>
/// <param name="Vmis">Every VMI.</param>
/// <param name="Migrations">Every VMIM, finished ones included.</param>
/// <param name="Policies">Every MigrationPolicy.</param>
/// <param name="Namespaces">Every namespace (for MigrationPolicy namespace selectors).</param>
/// <param name="KubeVirt">The KubeVirt CR, when there is one.</param>
public sealed record ClusterState(
    IReadOnlyList<Node> Nodes,
    IReadOnlyList<VirtualMachineInstance> Vmis,
    IReadOnlyList<VirtualMachineInstanceMigration> Migrations,
    IReadOnlyList<MigrationPolicy> Policies,
    IReadOnlyList<Namespace> Namespaces,
    KubeVirt? KubeVirt)
{
    private ClusterIndex? _index;

    private ClusterState(ClusterState original)
    {
        Nodes = original.Nodes;
        Vmis = original.Vmis;
        Migrations = original.Migrations;
        Policies = original.Policies;
        Namespaces = original.Namespaces;
        KubeVirt = original.KubeVirt;
        VirtualMachines = original.VirtualMachines;
        DisruptionBudgets = original.DisruptionBudgets;
    }

    /// <summary>Every VirtualMachine (their run strategies decide whether a stopped VMI starts again).</summary>
    public IReadOnlyList<VirtualMachine> VirtualMachines { get; init; } = [];

    /// <summary>Every PodDisruptionBudget (read as application budgets, see <see cref="DisruptionBudgetReader"/>).</summary>
    public IReadOnlyList<PodDisruptionBudget> DisruptionBudgets { get; init; } = [];

    internal ClusterIndex Index
    {
        get => _index ??= ListIndex.Of(this);
        init => _index = value;
    }

    /// <summary>The VMIM with this namespace and name, or null.</summary>
    public VirtualMachineInstanceMigration? FindMigration(string @namespace, string name) => Index.Migration(ClusterIndex.Key(@namespace, name));

    /// <summary>The VMI with this uid, or null.</summary>
    public VirtualMachineInstance? FindVmi(string uid) => Index.VmiByUid(uid);

    /// <summary>The VMI with this namespace and name, whatever its uid (a restarted VM's VMI has a new one), or null.</summary>
    public VirtualMachineInstance? FindVmi(string @namespace, string name) => Index.Vmi(ClusterIndex.Key(@namespace, name));

    /// <summary>The node with this name, or null.</summary>
    public Node? FindNode(string name) => Index.Node(name);

    /// <summary>The namespace with this name, or null.</summary>
    public Namespace? FindNamespace(string name) => Index.Namespace(name);

    /// <summary>The VirtualMachine with this namespace and name, or null.</summary>
    public VirtualMachine? FindVirtualMachine(string @namespace, string name) => Index.VirtualMachine(ClusterIndex.Key(@namespace, name));
}
