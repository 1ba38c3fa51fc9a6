using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Workflows.Tests.Parsing;

/// <summary>Budgets in a workflow's policy and in a budgets file: both forms read, every problem at its item's line.</summary>
public sealed class BudgetsYamlTests
{
    private const string Workflow = """
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata:
          name: with-budgets
        parameters:
          quorum:
            type: integer
            default: 1
        policy:
          maxParallel: 4
          budgets:
            - name: db
              selector:
                matchLabels: {app: db, version: "2"}
                matchExpressions:
                  - {key: tier, operator: In, values: [a, b]}
              maxInFlight: ${params.quorum}
            - "lb=app in (haproxy,envoy):unavailable=1"
        steps:
          - id: select
            kind: selectNodes
            names: [a]
          - id: drain
            kind: drain
        """;

    [Fact]
    public void Parse_WorkflowPolicyBudgets_ObjectAndCommandLineForms()
    {
        var (definition, problems) = WorkflowParser.Parse(Workflow, "budgets.yaml", new Dictionary<string, string> { ["quorum"] = "2" });

        Assert.Empty(problems);
        Assert.Equal(4, definition!.Policy.MaxParallelMigrations);
        Assert.Equal(["db (app=db,version=2,tier in (a,b), Policy): at most 2 in flight", "lb (app in (haproxy,envoy), Policy): at most 1 unavailable"],
            definition.Policy.Budgets.Select(b => b.ToString()));
        Assert.Equal(SelectorOperator.In, definition.Policy.Budgets[0].Selector!.MatchExpressions[0].Operator);
    }

    [Fact]
    public void Parse_WorkflowBudgetProblems_EachAtItsItem()
    {
        var text = Workflow.Replace("maxInFlight: ${params.quorum}", "maxInFlight: -1\n      maxUnavailable: 1", StringComparison.Ordinal)
            .Replace("\"lb=app in (haproxy,envoy):unavailable=1\"", "lb=app in haproxy:max=1\n    - db=:max=1", StringComparison.Ordinal);

        var (definition, problems) = WorkflowParser.Parse(text, "budgets.yaml");

        Assert.Null(definition);
        var lines = problems.Select(p => p.ToString()).ToList();
        // The third item is good: what cannot be read is not checked further (a limit of -1 waits for a readable item).
        Assert.Equal(
        [
            "budgets.yaml:12:7: policy.budgets[0]: budget 'db': must set exactly one of maxInFlight and maxUnavailable",
            "budgets.yaml:19:7: policy.budgets[1]: selector term 'app in haproxy' is not key=value, key!=value, key in (a,b), key notin (a,b), key or !key",
        ], lines);
    }

    [Fact]
    public void Parse_BudgetsFileInJson_ReadsTheList()
    {
        var (budgets, problems) = BudgetsYaml.Parse("""
            [{"name": "db", "selector": {"matchLabels": {"app": "db"}}, "maxUnavailable": 1}, "web=app=web:max=2"]
            """, "budgets.json");

        Assert.Empty(problems);
        Assert.Equal(2, budgets.Count);
        Assert.Equal(1L, (long)budgets[0]!["maxUnavailable"]!);
    }

    [Fact]
    public void Parse_BudgetsFileProblems_EveryOneWithFileAndLine()
    {
        var (budgets, problems) = BudgetsYaml.Parse("""
            - name: db
              selector: {matchLabels: {app: db}}
              maxInFlight: 1
            - name: db
              selector: {}
              maxInFlight: 2
            - name: web
              maxInFlight: 1
            - nonsense
            """, "budgets.yaml");

        var lines = problems.Select(p => p.ToString()).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("budgets.yaml:4:3: budgets[1]: budgets[1].name must be unique", lines[0], StringComparison.Ordinal);
        Assert.Equal("budgets.yaml:7:3: budgets[2]: budget 'web': selector must be set ({} selects every VM)", lines[1]);
        Assert.StartsWith("budgets.yaml:9:3: budgets[3]: must read NAME=SELECTOR:max=K", lines[2], StringComparison.Ordinal);
        Assert.Equal(["db", "db"], budgets.Select(b => (string)b!["name"]!));
    }

    [Fact]
    public void Parse_BudgetsFileNotAList_SaysWhatItMustBe()
    {
        var (_, problems) = BudgetsYaml.Parse("name: db\n", "budgets.yaml");

        Assert.Contains("must be a list of budgets", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LimitKinds_KeptFromTheFile()
    {
        var (definition, _) = WorkflowParser.Parse(Workflow, "budgets.yaml");

        Assert.Equal([BudgetLimitKind.MaxInFlight, BudgetLimitKind.MaxUnavailable], definition!.Policy.Budgets.Select(b => b.Kind));
    }
}
