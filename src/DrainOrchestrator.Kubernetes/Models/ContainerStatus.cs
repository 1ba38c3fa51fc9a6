namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The kubelet's view of one container of a pod (core/v1 ContainerStatus), the fields drain-sim reports.</summary>
public sealed class ContainerStatus : WireModel
{
    /// <summary>The container's name in the pod spec.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the container passes its readiness checks.</summary>
    public bool? Ready { get; set; }

    /// <summary>Whether the container has started.</summary>
    public bool? Started { get; set; }

    /// <summary>How many times the container has been restarted.</summary>
    public int? RestartCount { get; set; }

    /// <summary>The image it runs.</summary>
    public string? Image { get; set; }
}
