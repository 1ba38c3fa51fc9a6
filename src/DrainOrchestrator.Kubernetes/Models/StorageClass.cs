namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A storage.k8s.io/v1 StorageClass (cluster-scoped): listed to check that a DataVolume's class exists.</summary>
public sealed class StorageClass : KubernetesObject, IKubernetesResource<StorageClass>
{
    /// <summary>The annotation that marks the default class, value <c>"true"</c>.</summary>
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>Creates an empty StorageClass stamped with its apiVersion and kind.</summary>
    public StorageClass()
        : base(KubernetesResources.StorageClass.ApiVersion, KubernetesResources.StorageClass.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.StorageClass;

    /// <summary>The provisioner, e.g. <c>kubernetes.io/no-provisioner</c>.</summary>
    public string? Provisioner { get; set; }

    /// <summary>Whether the class carries the default-class annotation.</summary>
    public bool IsDefault => Metadata.Annotations is { } a && a.TryGetValue(DefaultClassAnnotation, out var v) && v == "true";
}
