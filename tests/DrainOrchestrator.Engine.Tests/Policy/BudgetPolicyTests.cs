using System.Text.Json;
using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Engine.Tests.Policy;

public sealed class BudgetPolicyTests
{
    [Fact]
    public void Parse_CommandLineForm_ReadsSelectorAndLimit()
    {
        var budget = BudgetText.Parse("db=app=db,tier in (a,b),!legacy,zone!=z1:max=1", out var problem);

        Assert.Null(problem);
        Assert.NotNull(budget);
        Assert.Equal(("db", BudgetLimitKind.MaxInFlight, 1), (budget.Name, budget.Kind, budget.Limit));
        Assert.Equal("db", budget.Selector!.MatchLabels["app"]);
        Assert.Equal(
            [("tier", SelectorOperator.In, "a,b"), ("legacy", SelectorOperator.DoesNotExist, ""), ("zone", SelectorOperator.NotIn, "z1")],
            budget.Selector.MatchExpressions.Select(e => (e.Key, e.Operator, string.Join(",", e.Values))));
    }

    [Fact]
    public void Parse_Unavailable_AndEmptySelectorCoversEverything()
    {
        var budget = BudgetText.Parse("all=:unavailable=2", out _);

        Assert.Equal((BudgetLimitKind.MaxUnavailable, 2), (budget!.Kind, budget.Limit));
        Assert.True(budget.Covers("any", new Dictionary<string, string>(), null));
    }

    [Theory]
    [InlineData("db")]
    [InlineData("db=app=db")]
    [InlineData("db=app=db:max=x")]
    [InlineData("db=app=db:most=1")]
    [InlineData("db=app in a:max=1")]
    public void Parse_Malformed_SaysTheForm(string text)
    {
        Assert.Null(BudgetText.Parse(text, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void PolicyDocument_BudgetsRoundTripAndEveryProblemIsNamed()
    {
        using var good = JsonDocument.Parse("""
            {"budgets": [{"name": "db", "selector": {"matchLabels": {"app": "db"},
              "matchExpressions": [{"key": "tier", "operator": "In", "values": ["a"]}]}, "maxInFlight": 1}, "lb=app=lb:unavailable=1"]}
            """);
        var policy = PolicyDocument.Parse(good.RootElement, out var none);
        var again = PolicyDocument.Read(PolicyDocument.Write(policy));

        Assert.Empty(none);
        Assert.Equal(["db (app=db,tier in (a), Policy): at most 1 in flight", "lb (app=lb, Policy): at most 1 unavailable"],
            again.Budgets.Select(b => b.ToString()));

        using var bad = JsonDocument.Parse("""{"budgets": [{"name": "db", "maxInFlight": 1, "maxUnavailable": 1, "extra": 1}, "nonsense"]}""");
        PolicyDocument.Parse(bad.RootElement, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal("Budgets", problem.Field);
        Assert.Contains("exactly one of maxInFlight and maxUnavailable", problem.Requirement, StringComparison.Ordinal);
        Assert.Contains("selector must be set", problem.Requirement, StringComparison.Ordinal);
        Assert.Contains("'extra' is not a budget field", problem.Requirement, StringComparison.Ordinal);
        Assert.Contains("item 1 must read NAME=SELECTOR:max=K", problem.Requirement, StringComparison.Ordinal);
    }
}
