namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A cluster node (core/v1 Node).</summary>
public sealed class Node : KubernetesObject, IKubernetesResource<Node>
{
    /// <summary>Creates an empty Node stamped with its apiVersion and kind.</summary>
    public Node()
        : base(KubernetesResources.Node.ApiVersion, KubernetesResources.Node.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.Node;

    /// <summary>Desired state: schedulability and taints.</summary>
    public NodeSpec? Spec { get; set; }

    /// <summary>Observed state.</summary>
    public NodeStatus? Status { get; set; }
}
