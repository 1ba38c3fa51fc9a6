namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Where KubeVirt looks for the NetworkAttachmentDefinition named by <c>spec.configuration.migrations.network</c>.</summary>
public static class MigrationNetwork
{
    /// <summary>KubeVirt's own namespace: the migration network's NAD must be there, beside virt-handler.</summary>
    public const string Namespace = "kubevirt";

    /// <summary>The interface Multus gives virt-handler on the migration network.</summary>
    public const string InterfaceName = "migration0";
}
