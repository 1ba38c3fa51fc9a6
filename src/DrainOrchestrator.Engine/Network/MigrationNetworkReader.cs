using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Network;

/// <summary>
/// Reads the dedicated migration network: the KubeVirt CR's network name from the view, its NetworkAttachmentDefinition
/// from the API server (once per name; again before a miss is concluded while the last read found it unusable, so a
/// definition fixed meanwhile is seen).
/// </summary>
internal sealed class MigrationNetworkReader(IClusterActions actions, ILogger logger, string drain)
{
    private MigrationNetworkConfig _current = MigrationNetworkConfig.PodNetwork;
    private string? _readFor;

    public async Task<MigrationNetworkConfig> ReadAsync(KubeVirt? kubeVirt, bool rereadIfBroken, CancellationToken cancellationToken)
    {
        var name = kubeVirt?.Spec.Configuration?.Migrations?.Network;
        if (string.IsNullOrEmpty(name))
        {
            _readFor = null;
            return _current = MigrationNetworkConfig.PodNetwork;
        }

        // KubeVirt attaches the network to virt-handler, which runs in KubeVirt's own namespace: the CR's.
        var ns = kubeVirt!.Metadata.Namespace ?? "kubevirt";
        var key = ns + "/" + name;
        if (_readFor == key && !(rereadIfBroken && _current.Range is null))
        {
            return _current;
        }

        var read = await ReadDefinitionAsync(ns, name, key, cancellationToken);
        if (read != _current)
        {
            EngineLog.MigrationNetworkRead(logger, drain, key, read.Range?.Network.ToString() ?? "none", read.Problem ?? "usable");
        }

        _readFor = key;
        return _current = read;
    }

    private async Task<MigrationNetworkConfig> ReadDefinitionAsync(string ns, string name, string key, CancellationToken cancellationToken)
    {
        NetworkAttachmentDefinition? definition;
        try
        {
            definition = await actions.GetNetworkAttachmentAsync(ns, name, cancellationToken);
        }
        catch (KubernetesApiException ex)
        {
            return new MigrationNetworkConfig(key, null,
                $"reading NetworkAttachmentDefinition {key} failed ({ex.Message}); grant get on network-attachment-definitions.k8s.cni.cncf.io "
                + "(deploy/base/clusterrole.yaml) or drain with --migration-network-policy off", Readable: false);
        }

        if (definition is null)
        {
            return new MigrationNetworkConfig(key, null,
                $"NetworkAttachmentDefinition {key}, named by the KubeVirt CR's spec.configuration.migrations.network, does not exist, "
                + "so every migration uses the pod network: create it in namespace " + ns + " or remove the setting");
        }

        var (range, problem) = CniIpamRange.Parse(definition.Spec.Config ?? "");
        return range is not null
            ? new MigrationNetworkConfig(key, range, null)
            : new MigrationNetworkConfig(key, null,
                $"NetworkAttachmentDefinition {key} cannot give virt-handler an address ({problem}), so every migration uses the pod network: "
                + "fix its spec.config (an ipam with a whereabouts \"range\" or host-local \"ranges\"/\"subnet\")");
    }
}
