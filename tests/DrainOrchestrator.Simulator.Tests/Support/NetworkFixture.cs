using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A simulator whose KubeVirt CR names a dedicated migration network: node-1 and node-2 have a migration NIC, node-3
/// has none (the broken node). Model time at 20x.
/// </summary>
public sealed class NetworkFixture : SimulatorFixture
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

    public Kubectl Kubectl
    {
        get
        {
            Assert.True(Kubectl.Binary.Length > 0, Kubectl.InstallHint);
            return new Kubectl(KubeconfigPath, Path.Combine(Directory, "kube-cache"));
        }
    }

    protected override ISeeder CreateSeeder() => new ScenarioSeeder(ScenarioCatalog.Parse(Yaml, "network.yaml"));

    protected override SimulatorServerOptions Configure(SimulatorServerOptions options) => options with { Speed = 20 };
}
