namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a VMIM (kubevirt.io/v1 VirtualMachineInstanceMigrationStatus).</summary>
public sealed class VirtualMachineInstanceMigrationStatus : WireModel
{
    /// <summary><c>Pending</c>, <c>Scheduling</c>, <c>Scheduled</c>, <c>PreparingTarget</c>, <c>TargetReady</c>, <c>Running</c>, <c>Succeeded</c> or <c>Failed</c>.</summary>
    public string? Phase { get; set; }

    /// <summary>Conditions, e.g. <c>migrationAbortRequested</c>.</summary>
    public List<Condition>? Conditions { get; set; }

    /// <summary>When each phase was entered.</summary>
    public List<MigrationPhaseTransitionTimestamp>? PhaseTransitionTimestamps { get; set; }

    /// <summary>Copied from the VMI once the migration is final.</summary>
    public VirtualMachineInstanceMigrationState? MigrationState { get; set; }

    /// <summary>Addresses of the synchronization controller (decentralized migration).</summary>
    public List<string>? SynchronizationAddresses { get; set; }
}
