namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>When a VMIM entered a phase (kubevirt.io/v1 VirtualMachineInstanceMigrationPhaseTransitionTimestamp).</summary>
public sealed class MigrationPhaseTransitionTimestamp : WireModel
{
    /// <summary>The phase.</summary>
    public string? Phase { get; set; }

    /// <summary>When it was entered.</summary>
    public DateTimeOffset? PhaseTransitionTimestamp { get; set; }
}
