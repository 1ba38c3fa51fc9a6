namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A kind whose type knows where it lives in the API, so generic code can build URLs for it.</summary>
/// <typeparam name="TSelf">The implementing kind.</typeparam>
public interface IKubernetesResource<TSelf>
    where TSelf : KubernetesObject, IKubernetesResource<TSelf>
{
    /// <summary>Group, version, kind, plural and scope of this kind.</summary>
    static abstract ResourceDescriptor Resource { get; }
}
