using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Network;

/// <summary>
/// The dedicated migration network as the cluster configures it: the NetworkAttachmentDefinition the KubeVirt CR names
/// (<c>spec.configuration.migrations.network</c>, in the KubeVirt CR's namespace) and its IPAM range.
/// </summary>
/// <param name="Name">namespace/name of the NetworkAttachmentDefinition; null when the CR names none (the pod network).</param>
/// <param name="Range">Its IPAM range; null when it is absent, unusable or unreadable.</param>
/// <param name="Problem">Why there is no range, in the operator's terms with the fix; null when there is one.</param>
/// <param name="Readable">False when the definition could not be read (forbidden, API error): nothing can be judged then.</param>
internal sealed record MigrationNetworkConfig(string? Name, CniIpamRange? Range, string? Problem, bool Readable = true)
{
    /// <summary>No dedicated network: migrations use the pod network, as configured.</summary>
    public static MigrationNetworkConfig PodNetwork { get; } = new(null, null, null);

    public bool IsConfigured => Name is not null;

    /// <summary>Configured, but no migration can use it: KubeVirt falls back to the pod network for all of them.</summary>
    public bool IsBroken => IsConfigured && Readable && Range is null;
}
