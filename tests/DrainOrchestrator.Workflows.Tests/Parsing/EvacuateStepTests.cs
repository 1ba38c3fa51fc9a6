using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Workflows.Tests.Parsing;

/// <summary>The <c>evacuate</c> step: its fields read into a typed step, and every mistake named at its line at once.</summary>
public sealed class EvacuateStepTests
{
    private static string Workflow(string steps) => $"""
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {"{"}name: move-apps{"}"}
        steps:
        {steps}
        """;

    [Fact]
    public void Parse_EvacuateBySelector_ReadsEveryField()
    {
        var (definition, problems) = WorkflowParser.Parse(Workflow("""
              - id: move
                kind: evacuate
                fromNamespace: apps
                toNamespace: moved
                selector: app=web
                maxAttempts: 5
                keepReceiversOnFailure: true
                storageClass: fast
                onFailure: pause
            """), "move.yaml");

        Assert.Empty(problems);
        var step = Assert.IsType<EvacuateStep>(Assert.Single(definition!.Steps));
        Assert.Equal(StepKind.Evacuate, step.Kind);
        Assert.Equal(("apps", "moved", "app=web", 5, true, "fast"),
            (step.FromNamespace, step.ToNamespace, step.Selector, step.MaxAttempts, step.KeepReceiversOnFailure, step.StorageClass));
        Assert.Empty(step.Vms);
        Assert.Equal(StepFailurePolicy.Pause, step.OnFailure);
    }

    [Fact]
    public void Parse_EvacuateByNames_TakesAListOrACommaSeparatedStringWithDefaults()
    {
        var (definition, problems) = WorkflowParser.Parse(Workflow("""
              - {id: one, kind: evacuate, fromNamespace: apps, toNamespace: moved, vms: [web-1, web-2]}
              - {id: two, kind: evacuate, fromNamespace: moved, toNamespace: apps, vms: "web-1, web-2"}
            """), "move.yaml");

        Assert.Empty(problems);
        Assert.All(definition!.Steps.Cast<EvacuateStep>(), s =>
        {
            Assert.Equal(["web-1", "web-2"], s.Vms);
            Assert.Null(s.Selector);
            Assert.Null(s.MaxAttempts);
            Assert.False(s.KeepReceiversOnFailure);
            Assert.Null(s.StorageClass);
        });
    }

    [Fact]
    public void Parse_EvacuateWithEveryMistake_NamesEachAtItsLine()
    {
        var (definition, problems) = WorkflowParser.Parse(Workflow("""
              - id: move
                kind: evacuate
                fromNamespace: Apps_1
                vms: [web-1, "Web 2"]
                selector: app=web
                maxAttempts: 21
                keepReceiversOnFailure: maybe
                storageClass: " "
                target: elsewhere
            """), "move.yaml");

        Assert.Null(definition);
        var text = problems.Select(p => p.ToString()).ToList();
        Assert.Contains(text, p => p.Contains("steps[0].fromNamespace", StringComparison.Ordinal) && p.Contains("Apps_1", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("steps[0].toNamespace", StringComparison.Ordinal) && p.Contains("required", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("'Web 2' is not a VM name", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("exactly one of vms (names) and selector", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("steps[0].maxAttempts", StringComparison.Ordinal) && p.Contains("at most 20", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("steps[0].keepReceiversOnFailure", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("steps[0].storageClass", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("target", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal("move.yaml", p.Position.File));
        Assert.Contains(problems, p => p.Path == "steps[0].maxAttempts" && p.Position.Line == 10);
    }

    [Fact]
    public void Parse_EvacuateToItsOwnNamespaceOrInsideABatch_Refused()
    {
        var (definition, problems) = WorkflowParser.Parse(Workflow("""
              - {id: same, kind: evacuate, fromNamespace: apps, toNamespace: apps, selector: app=web}
              - {id: select, kind: selectNodes, names: [a]}
              - id: batches
                kind: forEachBatch
                batchSize: 1
                steps:
                  - {id: inner, kind: evacuate, fromNamespace: apps, toNamespace: moved, selector: app=web}
            """), "move.yaml");

        Assert.Null(definition);
        Assert.Contains(problems, p => p.Path == "steps[0].toNamespace" && p.Message.Contains("name another namespace", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "steps[2].steps[0].kind" && p.Message.Contains("top level", StringComparison.Ordinal));
    }
}
