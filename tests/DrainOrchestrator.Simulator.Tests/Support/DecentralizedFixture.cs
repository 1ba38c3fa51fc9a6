using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A small cluster for decentralized moves from namespace <c>source</c> to <c>target</c>, model time at 20x.</summary>
public sealed class DecentralizedFixture : SimulatorFixture
{
    private const string Yaml = """
        name: decentralized-test
        seed: 15
        kubevirt:
          migrations:
            parallelMigrationsPerCluster: 5
            parallelOutboundMigrationsPerNode: 2
        timings:
          targetPodStartup: 1s
        namespaces:
          - name: source
          - name: target
        nodes:
          - name: node-{i}
            count: 3
            memory: 64Gi
            nicBandwidth: 10Gbit
        vms:
          - namespace: source
            name: app-{i}
            count: 3
            memory: 1Gi
            dirtyRate: 5Mi
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

    protected override ISeeder CreateSeeder() => new ScenarioSeeder(ScenarioCatalog.Parse(Yaml, "decentralized.yaml"));

    protected override SimulatorServerOptions Configure(SimulatorServerOptions options) => options with { Speed = 20 };
}
