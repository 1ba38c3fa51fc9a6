namespace DrainOrchestrator.Simulator.Cluster.Tests.Scenarios;

public sealed class EvacuationControllerYamlTests
{
    private static string Yaml(string line) => $$"""
        name: evac
        kubevirt:
          {{line}}
          migrations:
            parallelMigrationsPerCluster: 3
        nodes:
          - name: node-1
            memory: 64Gi
            nicBandwidth: 10Gbit
        """;

    [Theory]
    [InlineData("evacuationController: true", true)]
    [InlineData("evacuationController: false", false)]
    [InlineData("# not set", false)]
    public void Parse_KubeVirtEvacuationController_IsTheSwitch(string line, bool expected)
    {
        var scenario = ScenarioCatalog.Parse(Yaml(line), "evac.yaml");

        Assert.Equal(expected, scenario.EvacuationController);
        Assert.Equal(3, scenario.MigrationConfig.ParallelMigrationsPerCluster);
    }

    [Fact]
    public void Parse_EvacuationControllerNotABoolean_NamesTheField()
    {
        var error = Assert.Throws<ScenarioException>(() =>
            ScenarioCatalog.Parse(Yaml("evacuationController: sometimes"), "evac.yaml"));

        Assert.Contains("kubevirt.evacuationController", error.Message, StringComparison.Ordinal);
    }
}
