namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A request to live-migrate one VMI (kubevirt.io/v1 VirtualMachineInstanceMigration).</summary>
public sealed class VirtualMachineInstanceMigration : KubernetesObject, IKubernetesResource<VirtualMachineInstanceMigration>
{
    /// <summary>Creates an empty VirtualMachineInstanceMigration stamped with its apiVersion and kind.</summary>
    public VirtualMachineInstanceMigration()
        : base(KubernetesResources.VirtualMachineInstanceMigration.ApiVersion, KubernetesResources.VirtualMachineInstanceMigration.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.VirtualMachineInstanceMigration;

    /// <summary>Desired state; immutable after creation.</summary>
    public VirtualMachineInstanceMigrationSpec Spec { get; set; } = new();

    /// <summary>Observed state.</summary>
    public VirtualMachineInstanceMigrationStatus? Status { get; set; }
}
