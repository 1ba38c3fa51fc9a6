using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// Transfers capped by <c>bandwidthPerMigration</c> at most half the source NIC run side by side without slowing each
/// other: the source's other slot starts now instead of waiting for the first transfer's bytes at the NIC's whole rate.
/// When the caps leave at least a tenth of the NIC idle, one more may share it (NicTimeline's spare lane), where that
/// costs less than it puts to use.
/// </summary>
public sealed class CappedLanesTests
{
    private const long Nic = 1_250_000_000; // 10 Gbit/s

    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];

    private static ClusterSnapshot Cluster(long cap, params VmiSnapshot[] vmis) => Make.Cluster(Nodes,
        vmis.Length > 0 ? vmis : [Make.Vmi("a", "n1", 8, dirtyRate: 0), Make.Vmi("b", "n1", 8, dirtyRate: 0)],
        ClusterMigrationConfig.KubeVirtDefaults with
        {
            Settings = MigrationSettings.KubeVirtDefaults with { BandwidthPerMigrationBytesPerSecond = cap },
        });

    private static string[] Started(SchedulerDecision decision) =>
        [.. decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void Decide_TwoTransfersCappedBelowHalfTheNic_BothStartAtOnce()
    {
        // 512 MiB/s each: two fit in 10 Gbit/s, so the second slot has nothing to wait for.
        var decision = DrainScheduler.Decide(State(Cluster(512L * 1024 * 1024), ["n1"]), T0);

        Assert.Equal(["a", "b"], Started(decision));
    }

    [Fact]
    public void Decide_CapLeavesLittleOfTheNic_SecondWaitsForTheNic()
    {
        // 1.2 GB/s each: a second transfer would put only 4% more of the NIC to use and slow the first to half its rate.
        var decision = DrainScheduler.Decide(State(Cluster(1_200_000_000), ["n1"]), T0);

        Assert.Single(decision.Actions.OfType<StartMigration>());
        Assert.NotNull(decision.WakeAt);
    }

    [Fact]
    public void Decide_CapLeavesATenthOfTheNicIdleAndGuestsAreQuiet_SpareLaneStarts()
    {
        // 800 MB/s each: one leaves 450 MB/s of the NIC idle. Two side by side share it (625 MB/s each, 1250 in all):
        // quiet guests re-dirty nothing while slowed, so the second starts now (KubeVirt alone would run both too).
        var decision = DrainScheduler.Decide(State(Cluster(800_000_000), ["n1"]), T0);

        Assert.Equal(["a", "b"], Started(decision));
    }

    [Fact]
    public void Decide_ThirdLaneOnACappedNic_AsManyAsThePerNodeLimitAllows()
    {
        // 512 MiB/s caps: two fit in 10 Gbit/s and leave 176 MB/s idle, so a third shares the NIC with them (KubeVirt alone
        // runs three; the capped two alone left that capacity unused: random-instance seed 144, 24.0 s against 22.9 s).
        const long cap = 512L * 1024 * 1024;
        VmiSnapshot[] vmis = [Make.Vmi("a", "n1", 8, dirtyRate: 0), Make.Vmi("b", "n1", 8, dirtyRate: 0), Make.Vmi("c", "n1", 8, dirtyRate: 0)];

        var three = DrainScheduler.Decide(State(Cluster(cap, vmis), ["n1"], new DrainPolicy { MaxOutboundPerNode = 3 }), T0);
        var two = DrainScheduler.Decide(State(Cluster(cap, vmis), ["n1"], new DrainPolicy { MaxOutboundPerNode = 2 }), T0);

        Assert.Equal(["a", "b", "c"], Started(three));
        Assert.Equal(2, Started(two).Length);
    }

    [Fact]
    public void Decide_DirtyTransferInFlight_NoSpareLane()
    {
        // The first transfer dirties 500 MB/s: slowed from 800 to 625 MB/s it re-sends more than the 450 MB/s of idle NIC
        // the second would put to use, so the second (too long to fill a slot beside it, see SlotFiller) waits for the NIC.
        var decision = DrainScheduler.Decide(
            State(Cluster(800_000_000, Make.Vmi("a", "n1", 8, dirtyRate: 500_000_000), Make.Vmi("b", "n1", 8, dirtyRate: 0)), ["n1"]), T0);

        Assert.Equal(["a"], Started(decision));
    }

    [Fact]
    public void Decide_GuestThatNeedsTheNic_NoSpareLaneOnItsSource()
    {
        // b dirties 700 MB/s: it converges at its 800 MB/s cap but not at half the NIC, so the planner gives it the NIC
        // to itself. A spare lane beside a (the longest, started first) would slow b below its dirty rate, so b's source
        // takes none and b waits for a's transfer.
        var decision = DrainScheduler.Decide(
            State(Cluster(800_000_000, Make.Vmi("a", "n1", 32, dirtyRate: 0), Make.Vmi("b", "n1", 2, dirtyRate: 700_000_000)), ["n1"]), T0);

        Assert.Equal(["a"], Started(decision));
    }
}
