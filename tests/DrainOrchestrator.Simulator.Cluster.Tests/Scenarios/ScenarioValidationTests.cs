
namespace DrainOrchestrator.Simulator.Cluster.Tests.Scenarios;

public sealed class ScenarioValidationTests
{
    private const string Valid = """
        name: ok
        nodes:
          - name: n1
            memory: 64Gi
            nicBandwidth: 10Gbit
        vms:
          - namespace: default
            name: vm
            memory: 4Gi
            node: n1
        """;

    private static ScenarioException Invalid(string yaml) =>
        Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse(yaml, "test.yaml"));

    [Fact]
    public void Parse_Valid_ReadsQuantities()
    {
        var scenario = ScenarioCatalog.Parse(Valid, "test.yaml");

        Assert.Equal(64 * TestClusters.GiB, scenario.Nodes[0].MemoryBytes);
        Assert.Equal(1_250_000_000, scenario.Nodes[0].NicBandwidthBytesPerSecond);
        Assert.Equal("n1", scenario.Vms[0].Node);
    }

    [Fact]
    public void Parse_MacAddresses_ExpandPerCountAndBadOnesAreNamed()
    {
        var counted = Valid.Replace("    name: vm\n", "    name: vm-{i}\n    count: 2\n    macAddress: 02:00:00:00:00:0{i}\n", StringComparison.Ordinal);

        var scenario = ScenarioCatalog.Parse(counted, "test.yaml");
        var error = Invalid(Valid.Replace("    name: vm\n", "    name: vm\n    macAddress: 02:00:00:00:zz\n", StringComparison.Ordinal));

        Assert.Equal(["02:00:00:00:00:01", "02:00:00:00:00:02"], scenario.Vms.Select(v => v.MacAddress));
        Assert.Contains("vm default/vm: macAddress must be six hex octets", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadQuantity_NamesFileLineAndField()
    {
        var error = Invalid(Valid.Replace("memory: 4Gi", "memory: lots", StringComparison.Ordinal));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("test.yaml", problem.File);
        Assert.Equal(9, problem.Line);
        Assert.Contains("vm memory must be a quantity", problem.Message, StringComparison.Ordinal);
        Assert.Contains("test.yaml:9:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownNodeReference_NamesLineOfTheVm()
    {
        var error = Invalid(Valid.Replace("node: n1", "node: n9", StringComparison.Ordinal));

        var problem = Assert.Single(error.Errors);
        Assert.Equal(7, problem.Line);
        Assert.Contains("node \"n9\" is not a node of the scenario", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllInLineOrder()
    {
        var yaml = Valid
            .Replace("nicBandwidth: 10Gbit", "nicBandwidth: 10Gbit\n    colour: blue", StringComparison.Ordinal)
            .Replace("name: vm", "name: vm\n    runStrategy: Sometimes", StringComparison.Ordinal);

        var error = Invalid(yaml);

        Assert.Equal([6L, 10L], error.Errors.Select(e => e.Line));
        Assert.Contains("unknown field \"colour\"", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("runStrategy must be one of", error.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedYaml_NamesLine()
    {
        var error = Invalid("name: x\nnodes:\n  - name: [unclosed\n");

        Assert.True(Assert.Single(error.Errors).Line >= 3);
    }

    [Fact]
    public void Parse_MissingRequiredAndDuplicates_Reported()
    {
        var yaml = """
            name: dup
            nodes:
              - name: n1
                memory: 1Gi
                nicBandwidth: 1Gbit
              - name: n1
                memory: 1Gi
                nicBandwidth: 1Gbit
              - name: n2
                memory: 1Gi
            """;

        var error = Invalid(yaml);

        Assert.Contains(error.Errors, e => e.Line == 6 && e.Message.Contains("duplicate node name", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Line == 9 && e.Message.Contains("missing required field \"nicBandwidth\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FaultsAndPolicies_Read()
    {
        var yaml = Valid + """

            migrationPolicies:
              - name: p
                selectors:
                  virtualMachineInstanceSelector: {app: db}
                allowPostCopy: true
                completionTimeoutPerGiB: 20
            faults:
              - {at: 30s, kind: migrationNetworkLoss, node: n1, duration: 1m}
              - {at: 5, kind: nodeReboot, node: n1, duration: 90s, kubeletVersion: v1.33.0}
              - {at: 0, kind: explode}
            """;

        var error = Invalid(yaml);

        var problem = Assert.Single(error.Errors);
        Assert.Equal(20, problem.Line);
        Assert.Contains("fault kind must be one of", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantities_ParseKubernetesForms()
    {
        Assert.True(Quantities.TryParseBytes("512Mi", out var mi));
        Assert.Equal(512 * TestClusters.MiB, mi);
        Assert.True(Quantities.TryParseBytes("2G", out var g));
        Assert.Equal(2_000_000_000, g);
        Assert.True(Quantities.TryParseBandwidth("25Gbit", out var bits));
        Assert.Equal(3_125_000_000, bits);
        Assert.True(Quantities.TryParseDuration("1m30s", TimeSpan.FromSeconds(1), out var d));
        Assert.Equal(TimeSpan.FromSeconds(90), d);
        Assert.True(Quantities.TryParseDuration("900", TimeSpan.FromMilliseconds(1), out var ms));
        Assert.Equal(TimeSpan.FromMilliseconds(900), ms);
        Assert.False(Quantities.TryParseBytes("4 apples", out _));
    }
}
