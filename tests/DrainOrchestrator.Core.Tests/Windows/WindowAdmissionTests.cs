using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using DrainOrchestrator.Core.Windows;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Windows;

/// <summary>The admission rule, alone and inside the scheduler: nothing starts that is predicted to end after the window closes.</summary>
public sealed class WindowAdmissionTests
{
    private static readonly NodeSnapshot[] Nodes = [Make.Node("n1"), Make.Node("n2"), Make.Node("n3")];

    [Fact]
    public void Admits_PredictedEndAtOrBeforeClose_Admitted_AfterClose_HeldBack()
    {
        var item = PlanOf([Make.Vmi("a", "n1")], ["n1"]).Waves[0].Items[0];
        var predicted = item.Estimate.Duration * 2;
        var admission = new WindowAdmission(T0 + predicted, 2);

        Assert.Equal(predicted, admission.Predict(item));
        Assert.True(admission.Admits(item, T0));
        Assert.False(admission.Admits(item, T0 + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void For_Window_ClosesAtEndMinusMargin()
    {
        var window = new MaintenanceWindow(T0, T0 + TimeSpan.FromMinutes(10));

        var admission = WindowAdmission.For(window, new WindowPolicy { Margin = TimeSpan.FromMinutes(2) }, 1.5);

        Assert.Equal(T0 + TimeSpan.FromMinutes(8), admission.ClosesAt);
    }

    [Fact]
    public void Decide_WindowTooShortForTheLongMigration_ShortOneStartsLongOneHeldBack()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("small", "n1", 1), Make.Vmi("large", "n1", 32)]);
        var policy = new DrainPolicy();
        var plan = DrainPlanner.Plan(cluster, ["n1"], policy);
        var small = plan.Items.Single(i => i.Vmi.Name == "small");
        var large = plan.Items.Single(i => i.Vmi.Name == "large");
        var closes = T0 + PessimisticDuration.Of(small, 1.5) + TimeSpan.FromSeconds(1);
        Assert.True(PessimisticDuration.Of(large, 1.5) > closes - T0);

        var decision = DrainScheduler.Decide(new SchedulerState(DrainId, cluster, plan, [], policy, Window: new WindowAdmission(closes, 1.5)), T0);

        Assert.Equal(["small"], decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name));
        Assert.Equal(["large"], decision.HeldBack.Select(h => h.Vmi.Name));
        Assert.False(decision.IsWindowSpent(closes));
    }

    [Fact]
    public void Decide_WindowClosed_NothingStartsAndTheWindowIsSpent()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1"), Make.Vmi("b", "n1")]);
        var state = State(cluster, ["n1"]) with { Window = new WindowAdmission(T0, 1.5) };

        var decision = DrainScheduler.Decide(state, T0);

        Assert.Empty(decision.Actions);
        Assert.Equal(2, decision.HeldBack.Count);
        Assert.True(decision.IsWindowSpent(T0));
    }

    [Fact]
    public void Decide_NoWindow_NothingHeldBack()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1", 64)]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"]), T0);

        Assert.Single(decision.Actions);
        Assert.Empty(decision.HeldBack);
    }

    private static DrainPlan PlanOf(VmiSnapshot[] vmis, string[] drained) => DrainPlanner.Plan(Make.Cluster(Nodes, vmis), drained, new DrainPolicy());
}
