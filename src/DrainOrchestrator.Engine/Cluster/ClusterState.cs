using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The cluster objects the engine reads, at one instant. Treat the objects as read-only.</summary>
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
    /// <summary>Every VirtualMachine (their run strategies decide whether a stopped VMI starts again).</summary>
    public IReadOnlyList<VirtualMachine> VirtualMachines { get; init; } = [];

    /// <summary>The VMIM with this namespace and name, or null.</summary>
    public VirtualMachineInstanceMigration? FindMigration(string @namespace, string name) =>
        Migrations.FirstOrDefault(m => m.Metadata.Namespace == @namespace && m.Metadata.Name == name);

    /// <summary>The VMI with this uid, or null.</summary>
    public VirtualMachineInstance? FindVmi(string uid) => Vmis.FirstOrDefault(v => v.Metadata.Uid == uid);

    /// <summary>The VMI with this namespace and name, whatever its uid (a restarted VM's VMI has a new one), or null.</summary>
    public VirtualMachineInstance? FindVmi(string @namespace, string name) =>
        Vmis.FirstOrDefault(v => v.Metadata.Namespace == @namespace && v.Metadata.Name == name);

    /// <summary>The node with this name, or null.</summary>
    public Node? FindNode(string name) => Nodes.FirstOrDefault(n => n.Metadata.Name == name);
}
