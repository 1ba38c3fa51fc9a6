using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>The indexes the drain engine needs, ready to pass to <see cref="Informer{T}"/>.</summary>
public static class InformerIndexes
{
    /// <summary>Name of <see cref="VirtualMachineInstancesByNode"/>.</summary>
    public const string ByNode = "byNode";

    /// <summary>Name of <see cref="MigrationsByVirtualMachineInstance"/>.</summary>
    public const string ByVirtualMachineInstance = "byVirtualMachineInstance";

    /// <summary>The label KubeVirt keeps on a VMI naming the node it runs on.</summary>
    public const string NodeNameLabel = "kubevirt.io/nodeName";

    /// <summary>VMIs by node name: the <c>kubevirt.io/nodeName</c> label, or status.nodeName when the label is missing.</summary>
    public static InformerIndex<VirtualMachineInstance> VirtualMachineInstancesByNode { get; } =
        new(ByNode, vmi => One(vmi.Metadata[NodeNameLabel] ?? vmi.Status?.NodeName));

    /// <summary>VMIMs by the VMI they migrate, keyed <c>namespace/vmiName</c> (see <see cref="InformerKeys.Of(string?, string)"/>).</summary>
    public static InformerIndex<VirtualMachineInstanceMigration> MigrationsByVirtualMachineInstance { get; } =
        new(ByVirtualMachineInstance, vmim => vmim.Spec?.VmiName is { Length: > 0 } vmi
            ? [InformerKeys.Of(vmim.Metadata.Namespace, vmi)]
            : []);

    /// <summary>Pods by spec.nodeName (unscheduled pods are not indexed).</summary>
    public static InformerIndex<Pod> PodsByNode { get; } = new(ByNode, pod => One(pod.Spec?.NodeName));

    private static string[] One(string? key) => string.IsNullOrEmpty(key) ? [] : [key];
}
