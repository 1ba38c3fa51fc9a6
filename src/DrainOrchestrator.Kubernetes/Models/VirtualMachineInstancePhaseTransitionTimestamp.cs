namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>When a VMI entered a phase (kubevirt.io/v1 VirtualMachineInstancePhaseTransitionTimestamp).</summary>
public sealed class VirtualMachineInstancePhaseTransitionTimestamp : WireModel
{
    /// <summary>The phase.</summary>
    public string? Phase { get; set; }

    /// <summary>When it was entered.</summary>
    public DateTimeOffset? PhaseTransitionTimestamp { get; set; }
}
