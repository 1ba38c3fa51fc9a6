using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Budgets;

public sealed class BudgetValidationTests
{
    private static ApplicationBudget Budget(string name, int limit, LabelSelector? selector = null) =>
        new(name, selector ?? new LabelSelector(Make.Labels("app=db"), []), BudgetLimitKind.MaxInFlight, limit);

    [Fact]
    public void Validate_ValidBudgets_NoProblem()
    {
        var policy = new DrainPolicy { Budgets = [Budget("db", 1), Budget("lb", 0) with { Kind = BudgetLimitKind.MaxUnavailable }] };

        Assert.Empty(policy.Validate(ClusterMigrationConfig.KubeVirtDefaults));
    }

    [Fact]
    public void Validate_EveryBudgetProblem_ReportedAtOnce()
    {
        var policy = new DrainPolicy
        {
            MaxParallelMigrations = 0,
            Budgets =
            [
                Budget("db", -1),
                Budget("db", 1),
                Budget(" ", 1),
                new ApplicationBudget("none", null, BudgetLimitKind.MaxInFlight, 1),
                Budget("bad", 1, new LabelSelector(Make.Labels(), [new NodeSelectorRequirement("k", SelectorOperator.In, [])])),
            ],
        };

        var fields = policy.Validate(ClusterMigrationConfig.KubeVirtDefaults).Select(p => p.Field).ToList();

        Assert.Equal(
            ["MaxParallelMigrations", "Budgets[0].MaxInFlight", "Budgets[1].Name", "Budgets[2].Name", "Budgets[3].Selector",
             "Budgets[4].Selector.MatchExpressions[0].Values"],
            fields);
    }

    [Fact]
    public void Validate_Problem_SaysWhatIsWrong()
    {
        var policy = new DrainPolicy { Budgets = [Budget("db", -2)] };

        var problem = Assert.Single(policy.Validate(ClusterMigrationConfig.KubeVirtDefaults));

        Assert.Equal("Budgets[0].MaxInFlight must be at least 0, was -2", problem.ToString());
    }
}
