using DrainOrchestrator.Application.Rehearsals;

namespace DrainOrchestrator.Engine.Tests.Application;

/// <summary>A rehearsal's scenario text is checked before any drain-sim starts: one YAML mapping, or where it breaks.</summary>
public sealed class ScenarioTextTests
{
    [Fact]
    public void Problem_AMapping_None() => Assert.Null(ScenarioText.Problem("name: demo\nnodes:\n  - {name: w1}\n"));

    [Fact]
    public void Problem_BrokenYaml_NamesLineAndColumn() =>
        Assert.StartsWith("the scenario is not valid YAML at line 3, column", ScenarioText.Problem("name: demo\nnodes: [\n"), StringComparison.Ordinal);

    [Fact]
    public void Problem_TextTheYamlScannerGivesUpOn_NotValidYaml() =>
        Assert.StartsWith("the scenario is not valid YAML", ScenarioText.Problem("name: demo\nnodes: [w1\nkind: x: y\n"), StringComparison.Ordinal);

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just text")]
    [InlineData("a: 1\n---\nb: 2\n")]
    public void Problem_NotOneMapping_SaysWhatItMustBe(string yaml) =>
        Assert.StartsWith("the scenario must be one YAML mapping", ScenarioText.Problem(yaml), StringComparison.Ordinal);
}
