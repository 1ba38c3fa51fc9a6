namespace DrainOrchestrator.Simulator.Cluster.Tests.Upgrades;

public sealed class UpgradeYamlTests
{
    private const string Nodes = """
        name: upgrade-yaml
        nodes:
          - name: n{i}
            count: 3
            memory: 64Gi
            nicBandwidth: 10Gbit
            labels: {pool: blue}

        """;

    [Fact]
    public void Parse_UpgradeSection_ReadsEveryField()
    {
        var scenario = ScenarioCatalog.Parse(Nodes + """
            upgrade:
              targetVersion: v1.33.2
              nodes: [n1, n3]
              trigger: marked
              startDelay: 5s
              rebootDuration: 2m
              jitter: 500ms
              retryInterval: 15s
              onOccupied: reboot
              failures:
                - {node: n3, returnAfter: 30m}
                - {node: n1}
            """, "u.yaml");

        var upgrade = scenario.Upgrade;
        Assert.Equal(("v1.33.2", UpgradeTrigger.Marked, OccupiedNodePolicy.Reboot), (upgrade.TargetVersion, upgrade.Trigger, upgrade.OnOccupied));
        Assert.Equal(["n1", "n3"], upgrade.Nodes);
        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15)],
            [upgrade.StartDelay, upgrade.RebootDuration, upgrade.Jitter, upgrade.RetryInterval]);
        Assert.Equal([new UpgradeFailure("n3", TimeSpan.FromMinutes(30)), new UpgradeFailure("n1", null)], upgrade.Failures);
    }

    [Fact]
    public void Parse_Selector_MarksTheMatchingNodesWithTheDefaults()
    {
        var scenario = ScenarioCatalog.Parse(Nodes + """
            upgrade:
              targetVersion: v1.33.2
              selector: {pool: blue}
            """, "u.yaml");

        var cluster = SimulatedCluster.Create(scenario);

        Assert.Equal((UpgradeTrigger.CordonedAndEmpty, OccupiedNodePolicy.Refuse), (scenario.Upgrade.Trigger, scenario.Upgrade.OnOccupied));
        Assert.Equal(["n1", "n2", "n3"], cluster.GetUpgrades().Select(u => u.Node));
    }

    [Fact]
    public void Parse_BadUpgradeSection_ReportsEveryProblemWithItsLine()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse(Nodes + """
            upgrade:
              nodes: [n1, n9]
              selector: {pool: green}
              trigger: sideways
              rebootDuration: 0s
              colour: red
              failures:
                - {node: n7}
            """, "u.yaml"));

        var messages = error.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("u.yaml:11:12: upgrade.trigger must be one of CordonedAndEmpty, Marked, was \"sideways\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("u.yaml:13:3: unknown field \"colour\" in upgrade", StringComparison.Ordinal));
        Assert.Contains("u.yaml:9:3: upgrade.targetVersion is required when upgrade.nodes or upgrade.selector marks nodes", messages);
        Assert.Contains("u.yaml:9:3: upgrade may give nodes or selector, not both", messages);
        Assert.Contains(messages, m => m.StartsWith("u.yaml:9:3: upgrade.rebootDuration must be positive", StringComparison.Ordinal));
        Assert.Contains("u.yaml:9:3: upgrade.nodes names node \"n9\", which is not a node of the scenario", messages);
        Assert.Contains("u.yaml:9:3: upgrade.selector (pool=green) matches no node of the scenario", messages);
        Assert.Contains("u.yaml:15:7: upgrade failure names node \"n7\", which is not a node of the scenario", messages);
    }
}
