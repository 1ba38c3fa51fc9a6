namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Template of the VMI a VM creates (kubevirt.io/v1 VirtualMachineInstanceTemplateSpec).</summary>
public sealed class VirtualMachineInstanceTemplateSpec : WireModel
{
    /// <summary>Labels and annotations given to the VMI.</summary>
    public ObjectMeta? Metadata { get; set; }

    /// <summary>Spec of the VMI.</summary>
    public VirtualMachineInstanceSpec? Spec { get; set; }
}
