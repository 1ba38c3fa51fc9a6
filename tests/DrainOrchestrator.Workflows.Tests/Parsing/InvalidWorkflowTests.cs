using DrainOrchestrator.Workflows.Parsing;
using DrainOrchestrator.Workflows.Schedules;

namespace DrainOrchestrator.Workflows.Tests.Parsing;

/// <summary>Invalid workflow files: every problem at once, each at its file:line:column, and no definition.</summary>
public sealed class InvalidWorkflowTests
{
    private const string Broken = """
        apiVersion: drain-orchestrator.io/v2
        kind: Workflow
        metadata:
          name: Bad_Name
          colour: blue
        parameters:
          size:
            type: integer
            default: many
        policy:
          maxParallel: 0
          waveMode: sideways
        schedule:
          cron: "0 2 * *"
          timeZone: Mars/Olympus
          duration: forever
        steps:
          - id: select
            kind: selectNodes
            names: [a, b]
          - id: batches
            kind: forEachBatch
            batchSize: ${params.missing}
            steps:
              - id: dance
                kind: tango
              - id: wait
                kind: waitFor
                condition:
                  kubeletVersion: v1.33.0
                timeout: soon
              - id: select
                kind: soak
                duration: 5m
        """;

    [Fact]
    public void Parse_ManyProblems_EveryOneWithFileLineColumn()
    {
        var (definition, problems) = WorkflowParser.Parse(Broken, "broken.yaml");
        var text = problems.Select(p => p.ToString()).ToList();

        Assert.Null(definition);
        Assert.Contains("broken.yaml:1:13: apiVersion: must be drain-orchestrator.io/v1, was 'drain-orchestrator.io/v2'", text);
        Assert.Contains(text, t => t.StartsWith("broken.yaml:4:9: metadata.name: must be a DNS label", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:5:3: metadata.colour: unknown field 'colour'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:9:14: parameters.size.default: must be a whole number", StringComparison.Ordinal));
        Assert.Contains("broken.yaml:11:3: policy.maxParallel: maxParallel must be at least 1, was 0", text);
        Assert.Contains(text, t => t.StartsWith("broken.yaml:12:3: policy.waveMode: waveMode must be rolling or barrier, was 'sideways'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:14:9: schedule.cron: must be a cron expression of 5 fields", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:15:13: schedule.timeZone: unknown time zone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:16:13: schedule.duration: must be a duration", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:23:16: steps[1].batchSize: unknown parameter 'missing'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:26:15: steps[1].steps[0].kind: unknown step kind 'tango': the step kinds are selectNodes, forEachBatch", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("broken.yaml:31:18: steps[1].steps[1].timeout: must be a duration", StringComparison.Ordinal));
        Assert.Contains(text, t => t.Contains("step id 'select' is used twice (first at broken.yaml:18:5)", StringComparison.Ordinal));
        Assert.Equal(13, text.Count);
    }

    [Fact]
    public void Parse_NotYaml_OneProblemAtTheError()
    {
        var (definition, problems) = WorkflowParser.Parse("steps: [a, b\nkind: x", "bad.yaml");

        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.StartsWith("bad.yaml:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextTheYamlScannerGivesUpOn_OneProblemNotAnException()
    {
        var (definition, problems) = WorkflowParser.Parse("name: demo\nsteps: [a\nkind: x: y\n", "odd.yaml");

        Assert.Null(definition);
        Assert.Contains("not valid YAML", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AScheduleWindowLongerThanAMonth_RefusedAtItsLine()
    {
        const string Yaml = """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: long}
            schedule:
              cron: "* * * * * *"
              timeZone: UTC
              duration: 400d
            steps:
              - {id: select, kind: selectNodes, names: [a]}
            """;

        var (definition, problems) = WorkflowParser.Parse(Yaml, "long.yaml");

        Assert.Null(definition);
        Assert.Equal("long.yaml:7:13: schedule.duration: must be at most 31d (a window of a month), was '400d'", Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData("!!!", "'!!!' is not a label term")]
    [InlineData("role=worker,,zone=a", "has an empty term")]
    [InlineData("env in (a,b)", "is a set-based term")]
    [InlineData("role==worker", "'role==worker' is not a label term")]
    [InlineData("node-role.kubernetes.io/control-plane != true", "'node-role.kubernetes.io/control-plane != true' is not a label term")]
    [InlineData("role = worker", "'role = worker' is not a label term")]
    public void Parse_AMalformedNodeSelector_RefusedAtItsLine(string selector, string expected)
    {
        var yaml = $$"""
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: sel}
            steps:
              - {id: select, kind: selectNodes, selector: "{{selector}}"}
            """;

        var (definition, problems) = WorkflowParser.Parse(yaml, "sel.yaml");

        Assert.Null(definition);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("sel.yaml:5:", p.ToString(), StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ToString().Contains("steps[0].selector: ", StringComparison.Ordinal) && p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("role=worker")]
    [InlineData("node-role.kubernetes.io/worker")]
    [InlineData("topology.kubernetes.io/zone!=zone-a,pool=gpu_a.1")]
    [InlineData("maintenance=")]
    public void Parse_ANodeSelectorKubectlTakes_Accepted(string selector) => Assert.Empty(NodeLabelSelector.Problems(selector));

    [Fact]
    public void Terms_TheOneReadingTheMatchUses_KeyValueAndNegation()
    {
        Assert.Equal(
            [new("pool", "gpu", false), new("topology.kubernetes.io/zone", "zone-a", true), new("node-role.kubernetes.io/worker", null, false), new("maintenance", "", false)],
            NodeLabelSelector.Terms("pool=gpu, topology.kubernetes.io/zone!=zone-a,node-role.kubernetes.io/worker,maintenance="));
        Assert.Empty(NodeLabelSelector.Terms(null));
    }

    [Theory]
    [InlineData("0 2 * * 6", true)]
    [InlineData("30 0 2 * * *", true)]
    [InlineData("0 25 * * *", false)]
    [InlineData("every night", false)]
    public void TryCron_FiveOrSixFields(string cron, bool valid) => Assert.Equal(valid, ScheduleText.TryCron(cron).Problem is null);
}
