namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A small cluster for decentralized moves from namespace <c>source</c> to <c>target</c>, model time at 20x; app-{i} have
/// MAC 02:00:00:00:00:0{i}, and the running <c>target/squatter</c> has app-3's.
/// </summary>
public sealed class DecentralizedFixture : ScenarioFixture
{
    public const string Yaml = """
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
            macAddress: 02:00:00:00:00:0{i}
          # holds app-3's MAC in the target namespace: app-3's move there collides
          - namespace: target
            name: squatter
            memory: 1Gi
            node: node-2
            macAddress: 02:00:00:00:00:03
        """;

    protected override string ScenarioYaml => Yaml;

    protected override string ScenarioFile => "decentralized.yaml";
}
