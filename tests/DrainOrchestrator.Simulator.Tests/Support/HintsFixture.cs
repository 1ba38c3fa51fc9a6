using DrainOrchestrator.Simulator.KubeVirt;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// A small simulated cluster whose scenario sets <c>hints: true</c>: node-1 and node-2 on 10Gbit, "wide" on 2Gi/s; "db"
/// dirties 800Mi/s and "web" 10Mi/s, both on node-1; "batch" (10Mi/s, node-2) is the one whose dirty rate tests change.
/// </summary>
public class HintsFixture : ScenarioFixture
{
    public const string Yaml = """
        name: hints-test
        seed: 3
        hints: true
        timings:
          targetPodStartup: 2s
        nodes:
          - name: node-{i}
            count: 2
            memory: 64Gi
            nicBandwidth: 10Gbit
          - name: wide
            memory: 64Gi
            nicBandwidth: 2Gi
        vms:
          - namespace: default
            name: db
            memory: 4Gi
            dirtyRate: 800Mi
            evictionStrategy: LiveMigrate
            node: node-1
          - namespace: default
            name: web
            memory: 1Gi
            dirtyRate: 10Mi
            evictionStrategy: LiveMigrate
            node: node-1
          - namespace: default
            name: batch
            memory: 1Gi
            dirtyRate: 10Mi
            evictionStrategy: LiveMigrate
            node: node-2
        """;

    public ClusterModelHost Model => Server.Model ?? throw new InvalidOperationException("no model");

    /// <summary>Whether the scenario sets hints.</summary>
    protected virtual bool Hints => true;

    protected override string ScenarioYaml => Hints ? Yaml : Yaml.Replace("hints: true", "hints: false", StringComparison.Ordinal);

    protected override string ScenarioFile => "hints.yaml";
}

/// <summary>The cluster of <see cref="HintsFixture"/> without hints.</summary>
public sealed class NoHintsFixture : HintsFixture
{
    protected override bool Hints => false;
}
