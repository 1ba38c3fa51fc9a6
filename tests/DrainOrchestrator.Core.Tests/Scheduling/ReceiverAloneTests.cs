using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// A guest that converges only with a whole NIC needs its receiver's NIC alone as much as its source's: the plan
/// predicts it at the fastest receiver's rate, and a second such guest starts into a receiver just in time for the
/// first one's transfer to end there, never beside it.
/// </summary>
public sealed class ReceiverAloneTests
{
    private const long Fast = 3_125_000_000; // 25 Gbit/s
    private const long Slow = 1_250_000_000; // 10 Gbit/s
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Plan_FastSourceOnlySlowReceivers_PredictsAtTheReceiverRateAndNeedsItAlone()
    {
        // 900Mi/s converges at 10 Gbit/s alone, not at half of it; half of 25 Gbit/s would have been enough.
        var nodes = new[] { Make.Node("src-1", nic: Fast), Make.Node("dst-1", nic: Slow), Make.Node("dst-2", nic: Slow) };
        var cluster = Make.Cluster(nodes, [Make.Vmi("hot", "src-1", 2, dirtyRate: 900 * MiB)]);

        var item = DrainPlanner.Plan(cluster, ["src-1"], new()).Items.Single();

        Assert.Equal(Slow, item.AloneEstimate!.BandwidthBytesPerSecond);
        Assert.True(item.NeedsDedicatedBandwidth);
    }

    [Fact]
    public void Decide_ReceiverBusyWithAGuestThatNeedsItAlone_NextStartsJustInTimeForItsEnd()
    {
        var nodes = new[] { Make.Node("src-1", nic: Slow), Make.Node("src-2", nic: Slow), Make.Node("dst-1", nic: Slow) };
        var cluster = Make.Cluster(nodes,
            [Make.Vmi("hot-a", "src-1", 8, dirtyRate: 800 * MiB), Make.Vmi("hot-b", "src-2", 8, dirtyRate: 800 * MiB)]);
        var state = State(cluster, ["src-1", "src-2"]);
        Assert.All(state.Plan.Items, i => Assert.True(i.NeedsDedicatedBandwidth));

        var first = DrainScheduler.Decide(state, T0);
        var start = Assert.Single(first.Actions.OfType<StartMigration>());
        var inFlight = state with { Attempts = [InFlight(start, T0)] };
        var meanwhile = DrainScheduler.Decide(inFlight, T0.AddSeconds(1));
        var wake = meanwhile.WakeAt!.Value;
        var due = DrainScheduler.Decide(inFlight, wake);

        Assert.Empty(meanwhile.Actions.OfType<StartMigration>());
        var transfer = start.Vmi.Uid == state.Plan.Items[0].Vmi.Uid ? state.Plan.Items[0] : state.Plan.Items[1];
        Assert.True(wake < T0 + transfer.AloneEstimate!.Duration, $"woke at {wake}, after the first transfer's predicted end");
        var second = Assert.Single(due.Actions.OfType<StartMigration>());
        Assert.Equal("dst-1", second.TargetNode);
        Assert.NotEqual(start.Vmi.Uid, second.Vmi.Uid);
    }
}
