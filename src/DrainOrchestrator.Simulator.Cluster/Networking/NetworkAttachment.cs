namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A Multus NetworkAttachmentDefinition (<c>k8s.cni.cncf.io/v1</c>): its CNI configuration is kept as written (JSON), as
/// the API server keeps it; the model reads only the IPAM range from it, when the KubeVirt CR names it as the migration
/// network.
/// </summary>
/// <param name="Namespace">Its namespace; KubeVirt looks for the migration network in its own (<see cref="MigrationNetwork.Namespace"/>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Config">The CNI configuration JSON (<c>spec.config</c>).</param>
public sealed record NetworkAttachment(string Namespace, string Name, string Config);
