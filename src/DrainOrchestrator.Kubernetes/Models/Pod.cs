namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A pod: the parts the orchestrator reads (core/v1 Pod); every other field is preserved.</summary>
public sealed class Pod : KubernetesObject, IKubernetesResource<Pod>
{
    /// <summary>Creates an empty Pod stamped with its apiVersion and kind.</summary>
    public Pod()
        : base(KubernetesResources.Pod.ApiVersion, KubernetesResources.Pod.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.Pod;

    /// <summary>Desired state.</summary>
    public PodSpec? Spec { get; set; }

    /// <summary>Observed state.</summary>
    public PodStatus? Status { get; set; }
}
