using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A simulated cluster with an upgrader, model time at 20x: four nodes on v1.32.1; node-1 holds two VMs; node-2 is
/// marked by the scenario for v1.33.2; the upgrader starts 2 s after its trigger and reboots for 20 s. Each test uses
/// its own node, so they can share the cluster.
/// </summary>
public sealed class UpgradeFixture : SimulatorFixture
{
    public const string Yaml = """
        name: upgrade-test
        seed: 5
        timings:
          targetPodStartup: 2s
        nodes:
          - name: node-{i}
            count: 4
            memory: 64Gi
            nicBandwidth: 10Gbit
            kubeletVersion: v1.32.1
        vms:
          - namespace: default
            name: vm-{i}
            count: 2
            memory: 1Gi
            dirtyRate: 10Mi
            evictionStrategy: LiveMigrate
            node: node-1
        upgrade:
          targetVersion: v1.33.2
          nodes: [node-2]
          startDelay: 2s
          rebootDuration: 20s
        """;

    public ClusterModelHost Model => Server.Model ?? throw new InvalidOperationException("no model");

    protected override ISeeder CreateSeeder() => new ScenarioSeeder(ScenarioCatalog.Parse(Yaml, "upgrade.yaml"));

    protected override SimulatorServerOptions Configure(SimulatorServerOptions options) => options with { Speed = 20 };
}
