namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A request to create a VirtualMachineInstanceMigration.</summary>
/// <param name="Namespace">The namespace (also the VMI's).</param>
/// <param name="Name">The VMIM name.</param>
/// <param name="Uid">The uid the API server assigned.</param>
/// <param name="VmiName"><c>spec.vmiName</c>.</param>
/// <param name="AddedNodeSelector"><c>spec.addedNodeSelector</c>, or null.</param>
/// <param name="Priority"><c>spec.priority</c>, or null (every VMIM but virt-controller's own).</param>
/// <param name="Annotations">The VMIM's annotations the model needs to know (KubeVirt's own markers), or null.</param>
/// <param name="Decentralized"><c>spec.sendTo</c> or <c>spec.receive</c>, or null (an ordinary VMIM).</param>
public sealed record VmimCreateRequest(
    string Namespace,
    string Name,
    string Uid,
    string VmiName,
    IReadOnlyDictionary<string, string>? AddedNodeSelector = null,
    MigrationPriority? Priority = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    DecentralizedSpec? Decentralized = null);
