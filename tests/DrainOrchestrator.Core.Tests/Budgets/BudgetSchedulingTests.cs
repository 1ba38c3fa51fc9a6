using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Budgets;

public sealed class BudgetSchedulingTests
{
    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1"), Make.Node("n2"), Make.Node("n3"), Make.Node("n4"), Make.Node("n5"), Make.Node("n6")];

    private static readonly string[] Drained = ["n1", "n2", "n3", "n4"];

    private static readonly ApplicationBudget DbBudget =
        new("db", new LabelSelector(Make.Labels("app=db"), []), BudgetLimitKind.MaxInFlight, 1);

    // Three db members (the longest migrations) over two of the drained nodes, and other VMs on every drained node. A
    // source gives one migration at a time (its NIC), so the four sources start four at once.
    private static VmiSnapshot[] Vmis() =>
    [
        Make.Vmi("db-0", "n1", 8, Make.Labels("app=db")), Make.Vmi("db-1", "n2", 8, Make.Labels("app=db")),
        Make.Vmi("db-2", "n1", 8, Make.Labels("app=db")), Make.Vmi("web-0", "n1", 2), Make.Vmi("web-1", "n2", 2),
        Make.Vmi("web-2", "n3", 2), Make.Vmi("web-3", "n4", 2),
    ];

    private static DrainPolicy Policy(params ApplicationBudget[] budgets) =>
        new() { MaxParallelMigrations = 5, MaxOutboundPerNode = 3, Budgets = budgets };

    private static bool IsDb(StartMigration s) => s.Vmi.Name.StartsWith("db-", StringComparison.Ordinal);

    [Fact]
    public void Decide_BudgetOfOne_StartsOneMemberAndFillsTheClusterLimitWithOthers()
    {
        var decision = DrainScheduler.Decide(State(Make.Cluster(Nodes, Vmis()), Drained, Policy(DbBudget)), T0);

        var starts = decision.Actions.OfType<StartMigration>().ToList();
        Assert.Equal(4, starts.Count);
        var member = Assert.Single(starts, IsDb);
        Assert.Equal("db", Assert.Single(member.Budgets).Name);
        Assert.Contains(decision.HeldByBudget, i => i.Vmi.Name == "db-1");
    }

    [Fact]
    public void Decide_WithoutBudget_StartsSeveralMembers()
    {
        var decision = DrainScheduler.Decide(State(Make.Cluster(Nodes, Vmis()), Drained, Policy()), T0);

        Assert.True(decision.Actions.OfType<StartMigration>().Count(IsDb) >= 2);
        Assert.Empty(decision.HeldByBudget);
    }

    [Fact]
    public void Decide_MemberInFlight_StartsNoOtherMemberUntilItEnds()
    {
        var cluster = Make.Cluster(Nodes, Vmis());
        var first = DrainScheduler.Decide(State(cluster, Drained, Policy(DbBudget)), T0).Actions.OfType<StartMigration>().Single(IsDb);
        var inFlight = InFlight(first, T0);

        var during = DrainScheduler.Decide(State(cluster, Drained, Policy(DbBudget), [inFlight]), T0.AddSeconds(1));
        Assert.DoesNotContain(during.Actions.OfType<StartMigration>(), IsDb);

        var after = DrainScheduler.Decide(State(cluster, Drained, Policy(DbBudget), [Finish(inFlight, T0.AddSeconds(2))]), T0.AddSeconds(2));
        Assert.Single(after.Actions.OfType<StartMigration>(), IsDb);
    }

    [Theory]
    [InlineData("app=db", true)]
    [InlineData(null, true)]
    [InlineData("app=cache", false)]
    public void Decide_RestartInFlightOfAVmiThePlanNoLongerHolds_CountsWhereItsNextVmiIsAMember(string? nextLabels, bool counted)
    {
        // Planned again after a crash while db-9 restarted: its old VMI is gone; its next one is up on n5 (with these
        // labels), or not yet created (null: its membership unknown, so it counts).
        var unavailable = new ApplicationBudget("db-down", new LabelSelector(Make.Labels("app=db"), []), BudgetLimitKind.MaxUnavailable, 1);
        VmiSnapshot[] vmis = nextLabels is null ? Vmis() : [.. Vmis(), Make.Vmi("db-9", "n5", 8, Make.Labels(nextLabels))];
        var restart = new MigrationAttempt("uid-of-the-old-db-9", 1, AttemptKind.Restart, "restart-db-9", "n3", null, false,
            AttemptStatus.InFlight, T0)
        { VmiQualifiedName = "default/db-9" };

        var decision = DrainScheduler.Decide(State(Make.Cluster(Nodes, vmis), Drained, Policy(unavailable), [restart]), T0);

        Assert.Equal(!counted, decision.Actions.OfType<StartMigration>().Any(IsDb));
    }

    [Fact]
    public void Decide_ForeignMigrationOfAMemberElsewhere_CountsAgainstTheBudget()
    {
        var elsewhere = Make.Vmi("db-3", "n3", 8, Make.Labels("app=db"));
        var foreign = new MigrationSnapshot("default", "kubevirt-evacuation-x", "db-3", "n3", null, MigrationPhase.Running)
        {
            VmiLabels = elsewhere.Labels,
        };
        var cluster = Make.Cluster(Nodes, [.. Vmis(), elsewhere], migrations: [foreign]);

        var decision = DrainScheduler.Decide(State(cluster, Drained, Policy(DbBudget)), T0);

        Assert.DoesNotContain(decision.Actions.OfType<StartMigration>(), IsDb);
        Assert.NotEmpty(decision.HeldByBudget);
        Assert.Equal(4, decision.Actions.OfType<StartMigration>().Count());
    }

    [Fact]
    public void Decide_AnnotationBudget_GroupsMembersByNamespaceAndName()
    {
        var annotation = new BudgetAnnotation("quorum", BudgetLimitKind.MaxInFlight, 1);
        VmiSnapshot[] vmis =
        [
            Make.Vmi("a", "n1") with { Budget = annotation }, Make.Vmi("b", "n2") with { Budget = annotation },
            Make.Vmi("c", "n3", ns: "other") with { Budget = annotation },
        ];

        var state = State(Make.Cluster(Nodes, vmis), Drained, Policy());
        var decision = DrainScheduler.Decide(state, T0);

        var starts = decision.Actions.OfType<StartMigration>().ToList();
        Assert.Equal(2, starts.Count);
        Assert.Contains(starts, s => s.Vmi.Name == "c");
        Assert.Equal(["default/quorum", "other/quorum"], state.Plan.Budgets.Select(b => b.Budget.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_LimitZero_StartsNoMemberAndThePlanSaysWhy()
    {
        var state = State(Make.Cluster(Nodes, Vmis()), Drained, Policy(DbBudget with { Limit = 0 }));

        var decision = DrainScheduler.Decide(state, T0);

        Assert.DoesNotContain(decision.Actions.OfType<StartMigration>(), IsDb);
        var planned = Assert.Single(state.Plan.Budgets);
        Assert.Equal((3, 3), (planned.Members, planned.ToMove));
        Assert.NotNull(planned.Problem);
    }
}
