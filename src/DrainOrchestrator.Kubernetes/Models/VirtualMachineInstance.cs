namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A running virtual machine (kubevirt.io/v1 VirtualMachineInstance).</summary>
public sealed class VirtualMachineInstance : KubernetesObject, IKubernetesResource<VirtualMachineInstance>
{
    /// <summary>Creates an empty VirtualMachineInstance stamped with its apiVersion and kind.</summary>
    public VirtualMachineInstance()
        : base(KubernetesResources.VirtualMachineInstance.ApiVersion, KubernetesResources.VirtualMachineInstance.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.VirtualMachineInstance;

    /// <summary>Desired state.</summary>
    public VirtualMachineInstanceSpec? Spec { get; set; }

    /// <summary>Observed state.</summary>
    public VirtualMachineInstanceStatus? Status { get; set; }
}
