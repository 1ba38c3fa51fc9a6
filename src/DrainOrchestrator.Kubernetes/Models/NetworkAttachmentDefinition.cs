namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A Multus network (k8s.cni.cncf.io/v1 NetworkAttachmentDefinition, namespaced).</summary>
public sealed class NetworkAttachmentDefinition : KubernetesObject, IKubernetesResource<NetworkAttachmentDefinition>
{
    /// <summary>Creates an empty NetworkAttachmentDefinition stamped with its apiVersion and kind.</summary>
    public NetworkAttachmentDefinition()
        : base(KubernetesResources.NetworkAttachmentDefinition.ApiVersion, KubernetesResources.NetworkAttachmentDefinition.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.NetworkAttachmentDefinition;

    /// <summary>The CNI configuration.</summary>
    public NetworkAttachmentDefinitionSpec Spec { get; set; } = new();
}
