namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A namespace (core/v1 Namespace).</summary>
public sealed class Namespace : KubernetesObject, IKubernetesResource<Namespace>
{
    /// <summary>Creates an empty Namespace stamped with its apiVersion and kind.</summary>
    public Namespace()
        : base(KubernetesResources.Namespace.ApiVersion, KubernetesResources.Namespace.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.Namespace;

    /// <summary>Desired state.</summary>
    public NamespaceSpec? Spec { get; set; }

    /// <summary>Observed state.</summary>
    public NamespaceStatus? Status { get; set; }
}
