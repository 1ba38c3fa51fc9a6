namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The resource descriptors of every kind this library models.</summary>
/// <remarks>
/// The core types (Node, Pod, Namespace, Lease) stay ours rather than KubernetesClient's <c>V1Node</c>, <c>V1Pod</c>...:
/// they are the wire models the simulator shares (one definition of every field, and the simulator must not depend on the
/// client library), they decode through the source-generated <see cref="KubernetesJsonContext"/> that the streaming list
/// and watch decoders use (the library decodes by reflection, and materialises whole lists: see README, "Kubernetes
/// access"), and capacity math needs our exact-decimal <see cref="Quantity"/>, which the library's ResourceQuantity is not.
/// </remarks>
public static class KubernetesResources
{
    /// <summary>core/v1 Node.</summary>
    public static ResourceDescriptor Node { get; } = new("", "v1", "Node", "nodes", Namespaced: false);

    /// <summary>core/v1 Namespace.</summary>
    public static ResourceDescriptor Namespace { get; } = new("", "v1", "Namespace", "namespaces", Namespaced: false);

    /// <summary>core/v1 Pod.</summary>
    public static ResourceDescriptor Pod { get; } = new("", "v1", "Pod", "pods", Namespaced: true);

    /// <summary>kubevirt.io/v1 VirtualMachine.</summary>
    public static ResourceDescriptor VirtualMachine { get; } =
        new("kubevirt.io", "v1", "VirtualMachine", "virtualmachines", Namespaced: true);

    /// <summary>kubevirt.io/v1 VirtualMachineInstance.</summary>
    public static ResourceDescriptor VirtualMachineInstance { get; } =
        new("kubevirt.io", "v1", "VirtualMachineInstance", "virtualmachineinstances", Namespaced: true);

    /// <summary>kubevirt.io/v1 VirtualMachineInstanceMigration.</summary>
    public static ResourceDescriptor VirtualMachineInstanceMigration { get; } =
        new("kubevirt.io", "v1", "VirtualMachineInstanceMigration", "virtualmachineinstancemigrations", Namespaced: true);

    /// <summary>migrations.kubevirt.io/v1alpha1 MigrationPolicy (cluster-scoped).</summary>
    public static ResourceDescriptor MigrationPolicy { get; } =
        new("migrations.kubevirt.io", "v1alpha1", "MigrationPolicy", "migrationpolicies", Namespaced: false);

    /// <summary>kubevirt.io/v1 KubeVirt (the installation and cluster configuration object).</summary>
    public static ResourceDescriptor KubeVirt { get; } = new("kubevirt.io", "v1", "KubeVirt", "kubevirts", Namespaced: true);

    /// <summary>k8s.cni.cncf.io/v1 NetworkAttachmentDefinition (Multus; the dedicated migration network is one).</summary>
    public static ResourceDescriptor NetworkAttachmentDefinition { get; } =
        new("k8s.cni.cncf.io", "v1", "NetworkAttachmentDefinition", "network-attachment-definitions", Namespaced: true);
    /// <summary>policy/v1 PodDisruptionBudget.</summary>
    public static ResourceDescriptor PodDisruptionBudget { get; } =
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", Namespaced: true);

    /// <summary>coordination.k8s.io/v1 Lease.</summary>
    public static ResourceDescriptor Lease { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true);

    /// <summary>cdi.kubevirt.io/v1beta1 DataVolume.</summary>
    public static ResourceDescriptor DataVolume { get; } = new("cdi.kubevirt.io", "v1beta1", "DataVolume", "datavolumes", Namespaced: true);

    /// <summary>core/v1 PersistentVolumeClaim.</summary>
    public static ResourceDescriptor PersistentVolumeClaim { get; } =
        new("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", Namespaced: true);

    /// <summary>storage.k8s.io/v1 StorageClass (cluster-scoped).</summary>
    public static ResourceDescriptor StorageClass { get; } = new("storage.k8s.io", "v1", "StorageClass", "storageclasses", Namespaced: false);
}
