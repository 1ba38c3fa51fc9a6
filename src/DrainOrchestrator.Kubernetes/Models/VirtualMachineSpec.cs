namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of a VM (kubevirt.io/v1 VirtualMachineSpec).</summary>
public sealed class VirtualMachineSpec : WireModel
{
    /// <summary><c>Always</c>, <c>RerunOnFailure</c>, <c>Once</c>, <c>Manual</c>, <c>Halted</c> or <c>WaitAsReceiver</c>.</summary>
    public string? RunStrategy { get; set; }

    /// <summary>Deprecated alternative to <see cref="RunStrategy"/>.</summary>
    public bool? Running { get; set; }

    /// <summary>The VMI created when the VM runs.</summary>
    public VirtualMachineInstanceTemplateSpec? Template { get; set; }
}
