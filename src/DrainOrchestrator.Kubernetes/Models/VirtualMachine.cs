namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A KubeVirt virtual machine (kubevirt.io/v1 VirtualMachine): the stateful owner of a VMI.</summary>
public sealed class VirtualMachine : KubernetesObject, IKubernetesResource<VirtualMachine>
{
    /// <summary>Creates an empty VirtualMachine stamped with its apiVersion and kind.</summary>
    public VirtualMachine()
        : base(KubernetesResources.VirtualMachine.ApiVersion, KubernetesResources.VirtualMachine.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.VirtualMachine;

    /// <summary>Desired state.</summary>
    public VirtualMachineSpec? Spec { get; set; }

    /// <summary>Observed state.</summary>
    public VirtualMachineStatus? Status { get; set; }
}
