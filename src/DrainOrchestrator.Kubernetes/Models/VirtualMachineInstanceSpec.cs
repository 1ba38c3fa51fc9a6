namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of a VMI (kubevirt.io/v1 VirtualMachineInstanceSpec): the parts the orchestrator reads.</summary>
public sealed class VirtualMachineInstanceSpec : WireModel
{
    /// <summary>The virtual hardware.</summary>
    public DomainSpec? Domain { get; set; }

    /// <summary>Node labels required for placement.</summary>
    public Dictionary<string, string>? NodeSelector { get; set; }

    /// <summary>Scheduling constraints.</summary>
    public Affinity? Affinity { get; set; }

    /// <summary>Tolerated taints.</summary>
    public List<Toleration>? Tolerations { get; set; }

    /// <summary><c>None</c>, <c>LiveMigrate</c>, <c>LiveMigrateIfPossible</c> or <c>External</c>; unset means the cluster default.</summary>
    public string? EvictionStrategy { get; set; }

    /// <summary>Priority class of the virt-launcher pod.</summary>
    public string? PriorityClassName { get; set; }

    /// <summary>Grace period for shutdown.</summary>
    public long? TerminationGracePeriodSeconds { get; set; }

    /// <summary>Volumes backing the disks.</summary>
    public List<VmVolume>? Volumes { get; set; }
}
