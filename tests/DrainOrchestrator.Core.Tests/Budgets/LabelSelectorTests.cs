using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Budgets;

public sealed class LabelSelectorTests
{
    private static LabelSelector Selector(Dictionary<string, string>? labels = null, params NodeSelectorRequirement[] expressions) =>
        new(labels ?? [], expressions);

    [Fact]
    public void Matches_MatchLabelsAndExpressions_AllMustHold()
    {
        var selector = Selector(Make.Labels("app=db"),
            new NodeSelectorRequirement("tier", SelectorOperator.In, ["a", "b"]),
            new NodeSelectorRequirement("legacy", SelectorOperator.DoesNotExist, []));

        Assert.True(selector.Matches(Make.Labels("app=db", "tier=b")));
        Assert.False(selector.Matches(Make.Labels("app=db", "tier=c")));
        Assert.False(selector.Matches(Make.Labels("app=web", "tier=a")));
        Assert.False(selector.Matches(Make.Labels("app=db", "tier=a", "legacy")));
        Assert.False(selector.Matches(Make.Labels("tier=a")));
    }

    [Fact]
    public void Matches_NotInAndExists_FollowKubernetes()
    {
        var selector = Selector(null,
            new NodeSelectorRequirement("zone", SelectorOperator.NotIn, ["z1"]),
            new NodeSelectorRequirement("app", SelectorOperator.Exists, []));

        Assert.True(selector.Matches(Make.Labels("app=x")));
        Assert.True(selector.Matches(Make.Labels("app=x", "zone=z2")));
        Assert.False(selector.Matches(Make.Labels("app=x", "zone=z1")));
        Assert.False(selector.Matches(Make.Labels("zone=z2")));
    }

    [Fact]
    public void Matches_EmptySelector_SelectsEverything()
    {
        Assert.True(LabelSelector.Everything.Matches(Make.Labels()));
        Assert.True(LabelSelector.Everything.Matches(Make.Labels("a=b")));
    }

    [Fact]
    public void Validate_BadExpressions_ReportsEveryProblem()
    {
        var selector = Selector(null,
            new NodeSelectorRequirement("", SelectorOperator.In, []),
            new NodeSelectorRequirement("a", SelectorOperator.Exists, ["x"]),
            new NodeSelectorRequirement("b", SelectorOperator.Gt, ["1"]));

        var fields = selector.Validate("Budgets[0].Selector").Select(p => p.Field).ToList();

        Assert.Equal(
            ["Budgets[0].Selector.MatchExpressions[0].Key", "Budgets[0].Selector.MatchExpressions[0].Values",
             "Budgets[0].Selector.MatchExpressions[1].Values", "Budgets[0].Selector.MatchExpressions[2].Operator"],
            fields);
    }

    [Fact]
    public void ToString_UsesKubectlSyntax()
    {
        var selector = Selector(Make.Labels("app=db"),
            new NodeSelectorRequirement("tier", SelectorOperator.In, ["a", "b"]),
            new NodeSelectorRequirement("legacy", SelectorOperator.DoesNotExist, []));

        Assert.Equal("app=db,tier in (a,b),!legacy", selector.ToString());
    }
}
