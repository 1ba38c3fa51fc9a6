using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>How an informer keys its objects: <c>namespace/name</c>, or <c>name</c> for cluster-scoped kinds.</summary>
public static class InformerKeys
{
    /// <summary>The key of an object with this namespace and name.</summary>
    public static string Of(string? @namespace, string name)
        => string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    /// <summary>The key of an object.</summary>
    public static string Of(KubernetesObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Of(value.Metadata.Namespace, value.Metadata.Name ?? "");
    }
}
