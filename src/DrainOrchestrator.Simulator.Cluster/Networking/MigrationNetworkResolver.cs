using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Which network a migration uses, as virt-handler decides it. With <c>spec.configuration.migrations.network</c> set,
/// virt-operator attaches the named NetworkAttachmentDefinition (in KubeVirt's namespace) to every virt-handler as
/// <c>migration0</c>, and virt-handler listens on that interface's address when it has one. Without the interface it
/// quietly listens on its pod address: KubeVirt's <c>FindMigrationIP</c> returns the pod IP, no error, no event. The
/// model therefore falls back to the pod network when the NAD is absent or its IPAM range unreadable (Multus cannot
/// attach it) and for a target node without the migration NIC; an interface without an address (the IPAM range is too
/// small for the node) is the one case where virt-handler reports an error, and the migration fails.
/// </summary>
internal static class MigrationNetworkResolver
{
    public static MigrationRoute Resolve(ClusterState state, NodeState source, NodeState target)
    {
        var pod = new MigrationRoute(false, PodAddress(target));
        if (state.Config.Network is not { } name
            || !state.NetworkAttachments.TryGetValue(ClusterKeys.Of(MigrationNetwork.Namespace, name), out var attachment)
            || IpamRange.Parse(attachment.Config).Range is not { } range
            || target.MigrationNicBandwidth <= 0)
        {
            return pod;
        }

        if (range.AddressAt(target.Index) is not { } address)
        {
            return pod with
            {
                Failure = string.Create(CultureInfo.InvariantCulture,
                    $"virt-handler on node {target.Name}: no IP found on {MigrationNetwork.InterfaceName} (the IPAM range of NetworkAttachmentDefinition {MigrationNetwork.Namespace}/{name} holds {range.Size} addresses, too few for every node)"),
            };
        }

        // The source without the NIC sends from its pod network: the transfer leaves both migration NICs alone.
        return new MigrationRoute(source.MigrationNicBandwidth > 0, address);
    }

    /// <summary>The node's pod network address (virt-handler's pod IP: it runs on the host network).</summary>
    public static string PodAddress(NodeState node) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{128 + (node.Index >> 16)}.{(node.Index >> 8) & 0xFF}.{node.Index & 0xFF}");
}
