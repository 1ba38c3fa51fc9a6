namespace DrainOrchestrator.Simulator.Cluster.Tests.Scenarios;

public sealed class HintsScenarioTests
{
    private const string Valid = """
        name: ok
        hints: true
        nodes:
          - name: n1
            memory: 64Gi
            nicBandwidth: 10Gbit
        vms:
          - namespace: default
            name: vm
            memory: 4Gi
            dirtyRate: 20Mi
            node: n1
        """;

    private static ScenarioException Invalid(string yaml) =>
        Assert.Throws<ScenarioException>(() => ScenarioCatalog.Parse(yaml, "test.yaml"));

    [Fact]
    public void Parse_HintsTrue_On() => Assert.True(ScenarioCatalog.Parse(Valid, "test.yaml").Hints);

    [Fact]
    public void Parse_HintsOmitted_Off() =>
        Assert.False(ScenarioCatalog.Parse(Valid.Replace("hints: true\n", "", StringComparison.Ordinal), "test.yaml").Hints);

    [Fact]
    public void Parse_BuiltinScenarios_NoHints() =>
        Assert.All(new[] { "demo", "small", "chaos" }, name => Assert.False(ScenarioCatalog.Load(name).Hints));

    [Fact]
    public void Parse_HintsNotABoolean_NamesLineAndForm()
    {
        var problem = Assert.Single(Invalid(Valid.Replace("hints: true", "hints: sometimes", StringComparison.Ordinal)).Errors);

        Assert.Equal(2, problem.Line);
        Assert.Contains("hints must be true or false, was \"sometimes\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HintsWithAGuestThatDirtiesNothing_RefusedAtTheVm()
    {
        var problem = Assert.Single(Invalid(Valid.Replace("    dirtyRate: 20Mi\n", "", StringComparison.Ordinal)).Errors);

        Assert.Equal(8, problem.Line);
        Assert.Contains("vm default/vm: dirtyRate must be positive when hints is true", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoHintsAndAGuestThatDirtiesNothing_Valid() =>
        Assert.Equal(0, ScenarioCatalog.Parse(Valid.Replace("hints: true", "hints: false", StringComparison.Ordinal)
            .Replace("    dirtyRate: 20Mi\n", "", StringComparison.Ordinal), "test.yaml").Vms[0].DirtyRateBytesPerSecond);

    [Fact]
    public void Parse_HintsWithADirtyRateFaultToZero_Refused()
    {
        var yaml = Valid + """

            faults:
              - {at: 10s, kind: dirtyRateChange, namespace: default, name: vm, dirtyRate: 0}
            """;

        var problem = Assert.Single(Invalid(yaml).Errors);

        Assert.Contains("dirtyRateChange fault must set a positive rate when hints is true", problem.Message, StringComparison.Ordinal);
    }
}
