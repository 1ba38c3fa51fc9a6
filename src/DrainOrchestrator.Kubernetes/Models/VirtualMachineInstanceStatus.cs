namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a VMI (kubevirt.io/v1 VirtualMachineInstanceStatus): the parts the orchestrator reads.</summary>
public sealed class VirtualMachineInstanceStatus : WireModel
{
    /// <summary>Node the VMI runs on.</summary>
    public string? NodeName { get; set; }

    /// <summary>Brief reason for the current state.</summary>
    public string? Reason { get; set; }

    /// <summary><c>Pending</c>, <c>Scheduling</c>, <c>Scheduled</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Unknown</c>.</summary>
    public string? Phase { get; set; }

    /// <summary>Conditions, including <c>LiveMigratable</c> and <c>Ready</c>.</summary>
    public List<Condition>? Conditions { get; set; }

    /// <summary>When each phase was entered.</summary>
    public List<VirtualMachineInstancePhaseTransitionTimestamp>? PhaseTransitionTimestamps { get; set; }

    /// <summary>Network interfaces as reported by KubeVirt and the guest agent.</summary>
    public List<VirtualMachineInstanceNetworkInterface>? Interfaces { get; set; }

    /// <summary>State of the current or last live migration.</summary>
    public VirtualMachineInstanceMigrationState? MigrationState { get; set; }

    /// <summary><c>BlockMigration</c> or <c>LiveMigration</c>.</summary>
    public string? MigrationMethod { get; set; }

    /// <summary>Transport used for migrations.</summary>
    public string? MigrationTransport { get; set; }

    /// <summary>Set when KubeVirt itself must move the VMI off this node (an eviction).</summary>
    public string? EvacuationNodeName { get; set; }

    /// <summary>QoS class of the virt-launcher pod.</summary>
    public string? QosClass { get; set; }

    /// <summary>Pod UID to node name of the VMI's pods.</summary>
    public Dictionary<string, string>? ActivePods { get; set; }
}
