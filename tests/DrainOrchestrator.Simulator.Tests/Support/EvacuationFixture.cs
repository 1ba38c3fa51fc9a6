namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>A small cluster that runs KubeVirt's evacuation controller: four LiveMigrate VMs and one without a strategy on node-1.</summary>
public sealed class EvacuationFixture : ScenarioFixture
{
    public const string Yaml = """
        name: evacuation-test
        seed: 4
        kubevirt:
          evacuationController: true
          migrations:
            parallelMigrationsPerCluster: 5
            parallelOutboundMigrationsPerNode: 2
        timings:
          targetPodStartup: 2s
        nodes:
          - name: node-{i}
            count: 3
            memory: 64Gi
            nicBandwidth: 10Gbit
        vms:
          - namespace: default
            name: evac-{i}
            count: 4
            memory: 1Gi
            dirtyRate: 10Mi
            evictionStrategy: LiveMigrate
            node: node-1
          - namespace: default
            name: stays
            memory: 1Gi
            node: node-1
        """;

    protected override string ScenarioYaml => Yaml;

    protected override string ScenarioFile => "evacuation.yaml";
}
