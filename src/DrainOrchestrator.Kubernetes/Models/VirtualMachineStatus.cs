namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a VM (kubevirt.io/v1 VirtualMachineStatus): the parts the orchestrator reads.</summary>
public sealed class VirtualMachineStatus : WireModel
{
    /// <summary>Whether a VMI exists.</summary>
    public bool? Created { get; set; }

    /// <summary>Whether the VMI is ready.</summary>
    public bool? Ready { get; set; }

    /// <summary>Human-readable state, e.g. <c>Running</c>, <c>Migrating</c>.</summary>
    public string? PrintableStatus { get; set; }

    /// <summary>VM conditions.</summary>
    public List<Condition>? Conditions { get; set; }
}
