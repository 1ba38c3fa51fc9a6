using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary><see cref="SchedulerState.Waiting"/>: an eligible VMI the engine holds back does not start, and the drain is not done.</summary>
public sealed class WaitingTests
{
    [Fact]
    public void Decide_WaitingVmi_NotStartedOthersAre_DrainNotComplete()
    {
        var cluster = Make.Cluster(
            [Make.Node("n1", 256), Make.Node("n2", 256), Make.Node("n3", 256)],
            [Make.Vmi("big", "n1", 16), Make.Vmi("small", "n1", 4)]);
        var state = State(cluster, ["n1"]) with { Waiting = new HashSet<string> { "uid-big" } };

        var decision = DrainScheduler.Decide(state, T0);

        var start = Assert.Single(decision.Actions.OfType<StartMigration>());
        Assert.Equal("uid-small", start.Vmi.Uid);
        Assert.False(decision.IsComplete);
        Assert.Equal(2, decision.Remaining);
    }

    [Fact]
    public void Decide_NothingWaiting_LongestFirst()
    {
        var cluster = Make.Cluster(
            [Make.Node("n1", 256), Make.Node("n2", 256), Make.Node("n3", 256)],
            [Make.Vmi("big", "n1", 16), Make.Vmi("small", "n1", 4)]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"]) with { Waiting = new HashSet<string>() }, T0);

        Assert.Equal("uid-big", decision.Actions.OfType<StartMigration>().First().Vmi.Uid);
    }
}
