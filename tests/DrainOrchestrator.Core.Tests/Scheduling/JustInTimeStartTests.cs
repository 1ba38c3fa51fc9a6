using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// A source's next migration starts when its NIC is predicted to be free by the time the new target is ready (start-up
/// 10 s by default), so the target pod starts while the previous transfer runs and the two transfers do not share.
/// </summary>
public sealed class JustInTimeStartTests
{
    private const long Nic = 1_250_000_000;

    // 8 GiB of an idle guest over 1.25 GB/s.
    private static readonly TimeSpan EightGiBTransfer = TimeSpan.FromSeconds(8.0 * Make.GiB / Nic);

    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];

    [Fact]
    public void Decide_SecondMigrationFromBusySource_WaitsUntilTheNicIsFreeMinusStartup()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1", 8, dirtyRate: 0), Make.Vmi("b", "n1", 8, dirtyRate: 0)]);
        var state = State(cluster, ["n1"]);

        var first = DrainScheduler.Decide(state, T0);
        var start = Assert.IsType<StartMigration>(Assert.Single(first.Actions));
        var meanwhile = DrainScheduler.Decide(state with { Attempts = [InFlight(start, T0)] }, T0.AddSeconds(3));
        var due = DrainScheduler.Decide(state with { Attempts = [InFlight(start, T0)] }, first.WakeAt!.Value);

        Assert.Equal(T0 + EightGiBTransfer, first.WakeAt!.Value, TimeSpan.FromMilliseconds(10));
        Assert.Empty(meanwhile.Actions);
        Assert.Equal(first.WakeAt, meanwhile.WakeAt);
        Assert.Equal("b", Assert.IsType<StartMigration>(Assert.Single(due.Actions)).Vmi.Name);
    }

    [Fact]
    public void Decide_AfterAGuestThatNeedsTheNicToItself_NextTransferStartsHalfASecondAfterItsPredictedEnd()
    {
        // 800 MB/s of dirty pages: alone on 1.25 GB/s they converge, sharing it they would not. The next transfer waits
        // for the predicted end and half a second more (the cluster's convergence steps and whole-second stamps).
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1", 8, dirtyRate: 800_000_000), Make.Vmi("b", "n1", 8, dirtyRate: 800_000_000)]);
        var state = State(cluster, ["n1"]);

        var first = DrainScheduler.Decide(state, T0);
        var start = Assert.IsType<StartMigration>(Assert.Single(first.Actions));
        var item = state.Plan.Items.Single(i => i.Vmi.Name == start.Vmi.Name);

        Assert.True(item.NeedsDedicatedBandwidth);
        var transfer = TimeSpan.FromSeconds((item.AloneEstimate ?? item.Estimate).TransferredBytes / (double)Nic);
        Assert.Equal(T0 + transfer + TimeSpan.FromSeconds(0.5), first.WakeAt!.Value, TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void Decide_BusySource_FreeSlotGoesToAnotherSource()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1", 8, dirtyRate: 0), Make.Vmi("b", "n1", 8, dirtyRate: 0),
            Make.Vmi("c", "n2", 4, dirtyRate: 0)]);

        var starts = DrainScheduler.Decide(State(cluster, ["n1", "n2"]), T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(["n1", "n2"], starts.Select(s => s.SourceNode).Order());
    }

    [Fact]
    public void Decide_SmallMigrations_BothSlotsUsedOnceTheFirstTransferIsUnderway()
    {
        // 1 GiB takes less than a second: the second may start right away, its transfer begins after the first's ends.
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1", 1, dirtyRate: 0), Make.Vmi("b", "n1", 1, dirtyRate: 0)]);
        var state = State(cluster, ["n1"]);
        var first = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(state, T0).Actions));

        var second = DrainScheduler.Decide(state with { Attempts = [InFlight(first, T0)] }, T0.AddSeconds(1));

        Assert.Single(second.Actions);
    }

    [Fact]
    public void Decide_DedicatedMigrationInFlight_NextStartsBeforeItEndsButTransfersAfter()
    {
        var nodes = new[] { Make.Node("n1", nic: 1_000_000_000), Make.Node("n2"), Make.Node("n3"), Make.Node("n4") };
        var cluster = Make.Cluster(nodes, [Make.Vmi("hot", "n1", memoryGiB: 8, dirtyRate: 700_000_000), Make.Vmi("cold", "n1")]);
        var state = State(cluster, ["n1"]);
        var hot = state.Plan.Items.Single(i => i.Vmi.Name == "hot");
        var first = DrainScheduler.Decide(state, T0);
        var start = Assert.IsType<StartMigration>(Assert.Single(first.Actions));
        var inFlight = state with { Attempts = [InFlight(start, T0)] };

        var early = DrainScheduler.Decide(inFlight, first.WakeAt!.Value.AddSeconds(-1));
        var due = DrainScheduler.Decide(inFlight, first.WakeAt!.Value);

        Assert.True(hot.NeedsDedicatedBandwidth);
        Assert.Equal("hot", start.Vmi.Name);
        Assert.Empty(early.Actions);
        Assert.Equal("cold", Assert.IsType<StartMigration>(Assert.Single(due.Actions)).Vmi.Name);
        Assert.True(first.WakeAt < T0 + hot.AloneEstimate!.Duration, "the next target starts while the transfer still runs");
    }

    [Fact]
    public void Decide_ForeignTransferOnSource_CountsAsBusyNic()
    {
        // Someone else's migration of 25 GB runs out of n1: 20 s of its NIC, so ours waits 20 s minus the start-up.
        var foreign = new MigrationSnapshot("other", "evacuation", "x", "n1", "n5", MigrationPhase.Running, 25_000_000_000);
        var cluster = Make.Cluster(Nodes, [Make.Vmi("a", "n1", 8, dirtyRate: 0)], migrations: [foreign]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"], new DrainPolicy()), T0);

        Assert.Empty(decision.Actions);
        Assert.Equal(T0.AddSeconds(10), decision.WakeAt);
    }
}
