namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The parts of a container the orchestrator reads (core/v1 Container).</summary>
public sealed class Container : WireModel
{
    /// <summary>Container name.</summary>
    public string? Name { get; set; }

    /// <summary>Container image.</summary>
    public string? Image { get; set; }

    /// <summary>Compute requests and limits.</summary>
    public ResourceRequirements? Resources { get; set; }
}
