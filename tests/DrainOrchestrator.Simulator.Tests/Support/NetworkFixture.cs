namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A simulator whose KubeVirt CR names a dedicated migration network: node-1 and node-2 have a migration NIC, node-3
/// has none (the broken node). Model time at 20x.
/// </summary>
public sealed class NetworkFixture : ScenarioFixture
{
    public const string Yaml = """
        name: network-test
        kubevirt:
          migrations:
            network: migration-net
        timings:
          targetPodStartup: 2s
        networkAttachmentDefinitions:
          - name: migration-net
            config: '{"cniVersion":"0.3.1","type":"macvlan","master":"eth1","ipam":{"type":"whereabouts","range":"fd00:50::/64"}}'
        nodes:
          - name: node-1
            memory: 64Gi
            nicBandwidth: 1Gbit
            migrationNic: 25Gbit
          - name: node-2
            memory: 64Gi
            nicBandwidth: 1Gbit
            migrationNic: 25Gbit
          - name: node-3
            memory: 64Gi
            nicBandwidth: 1Gbit
        vms:
          - namespace: default
            name: to-two
            memory: 1Gi
            dirtyRate: 1Mi
            evictionStrategy: LiveMigrate
            node: node-1
          - namespace: default
            name: to-three
            memory: 1Gi
            dirtyRate: 1Mi
            evictionStrategy: LiveMigrate
            node: node-1
        """;

    protected override string ScenarioYaml => Yaml;

    protected override string ScenarioFile => "network.yaml";
}
