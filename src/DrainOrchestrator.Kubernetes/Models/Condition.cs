namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A status condition as pods, VMIs, VMIMs and KubeVirt report them.</summary>
public sealed class Condition : WireModel
{
    /// <summary>Condition type, e.g. <c>Ready</c> or <c>LiveMigratable</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? Status { get; set; }

    /// <summary>When the condition was last probed.</summary>
    public DateTimeOffset? LastProbeTime { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>Machine-readable reason, e.g. <c>DisksNotLiveMigratable</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Human-readable detail.</summary>
    public string? Message { get; set; }
}
