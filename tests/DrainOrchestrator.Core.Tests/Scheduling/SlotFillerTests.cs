using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// A slot that just-in-time starting leaves idle while a long transfer keeps the NIC busy takes a short, quiet migration
/// when sharing costs less than the slot time it saves (SlotFiller), and the NIC timeline then counts the bytes it sent
/// before the source's next start.
/// </summary>
public sealed class SlotFillerTests
{
    private const long Nic = 1_250_000_000;

    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];

    private static double Seconds(long gib) => gib * Make.GiB / (double)Nic;

    [Fact]
    public void Decide_LongTransferAndSmallQuietGuest_SmallOneFillsTheOtherSlotAtOnce()
    {
        // 24 GiB: 20.6 s of NIC from 10 s in, the next start due 20.6 s in. 2 GiB: 1.7 s alone, so it would cost
        // (10 + 1.7) / 2 s of a slot-bound tail; sharing now costs its 1.7 s of NIC and it is done 13.4 s in.
        var cluster = Make.Cluster(Nodes, [Make.Vmi("big", "n1", 24, dirtyRate: 0), Make.Vmi("small", "n1", 2, dirtyRate: 1_000_000)]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"]), T0);

        Assert.Equal(["big", "small"], decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name));
    }

    [Fact]
    public void Decide_FillerWouldHoldTheSlotPastTheNextStart_Waits()
    {
        // 8 GiB: next start due 6.9 s in; 2 GiB at a shared rate holds the slot 13.4 s, past 6.9 s + 1.7 s (its bytes on
        // the NIC) + 4.1 s (what it saves).
        var cluster = Make.Cluster(Nodes, [Make.Vmi("big", "n1", 8, dirtyRate: 0), Make.Vmi("small", "n1", 2, dirtyRate: 1_000_000)]);
        var state = State(cluster, ["n1"]);
        var first = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(state, T0).Actions));

        Assert.Equal("big", first.Vmi.Name);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, true)]
    public void Decide_SlotBoundSource_FillerMayHoldTheSlotPastTheNextStart(int smallGuests, bool fills)
    {
        // 8 GiB: next start due 6.9 s in; a 2 GiB filler at a shared rate holds the slot 13.4 s, past that start plus its
        // bytes on the NIC plus what it saves. With four 2 GiB guests left the node is bound by its two slots (each costs
        // (10 + 1.7) / 2 s of slot time, 1.7 s of NIC): its NIC can idle 8.1 s without lengthening the drain, more than
        // the 4.9 s the filler delays the next start, and the slot would idle 6.9 s, more than the 3.4 s sharing costs.
        // With one left the NIC binds and the slot waits.
        var smalls = Enumerable.Range(1, smallGuests).Select(i => Make.Vmi($"small-{i}", "n1", 2, dirtyRate: 1_000_000));
        var cluster = Make.Cluster(Nodes, [Make.Vmi("big", "n1", 8, dirtyRate: 0), .. smalls]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"]), T0);

        var started = decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).ToList();
        Assert.Equal("big", started[0]);
        Assert.Equal(fills ? 2 : 1, started.Count);
    }

    [Fact]
    public void Decide_SlotBoundOnlyByAssumedDirtyRates_NoFillerPastTheNextStart()
    {
        // The four 2 GiB guests above, one of them with no known dirty rate: the cost model assumes one, so the slack of
        // the NIC is a guess and the filler waits as on a NIC-bound source.
        var smalls = Enumerable.Range(1, 4).Select(i => Make.Vmi($"small-{i}", "n1", 2, dirtyRate: i == 4 ? null : 1_000_000));
        var cluster = Make.Cluster(Nodes, [Make.Vmi("big", "n1", 8, dirtyRate: 0), .. smalls]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"]), T0);

        Assert.Equal("big", Assert.IsType<StartMigration>(Assert.Single(decision.Actions)).Vmi.Name);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Decide_LastStartsOfASourceWhileTheClusterLimitBinds_FillerTakesTheSlotTheWaitWouldIdle(int smallGuests, bool fills)
    {
        // 25 Gbit/s, three slots a node, three in the cluster. n2's 8 GiB and n1's 4 GiB start; n1's next start is due
        // 1.4 s in (its 4 GiB on the NIC), and the last cluster slot would idle until then. A 1 GiB guest
        // takes it now: n1's candidates all fit in its free slots, so there is no later start of n1 for it to delay, and
        // sharing costs 0.7 s of NIC, less than the 1.4 s wait. With three left one would start after the others and
        // could be delayed, so the slot waits as before. (A fourth, slower receiver keeps the rules deciding: with every
        // receiver as fast as the sources the drain is played forward instead, RolloutChoiceTests.)
        var nodes = new[]
        {
            Make.Node("n1", nic: 3_125_000_000), Make.Node("n2", nic: 3_125_000_000),
            Make.Node("r1", nic: 3_125_000_000), Make.Node("r2", nic: 3_125_000_000), Make.Node("r3", nic: 3_125_000_000),
            Make.Node("r4", nic: 1_250_000_000),
        };
        var smalls = Enumerable.Range(1, smallGuests).Select(i => Make.Vmi($"small-{i}", "n1", 1, dirtyRate: 0));
        var cluster = Make.Cluster(nodes, [Make.Vmi("mid", "n1", 4, dirtyRate: 0), .. smalls, Make.Vmi("big", "n2", 8, dirtyRate: 0)]);
        var policy = new DrainPolicy { MaxParallelMigrations = 3, MaxOutboundPerNode = 3 };

        var started = DrainScheduler.Decide(State(cluster, ["n1", "n2"], policy), T0).Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).ToList();

        Assert.Contains("big", started);
        Assert.Contains("mid", started);
        Assert.Equal(fills ? 3 : 2, started.Count);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Decide_SlotBoundSourceWhileTheClusterLimitMayBind_NoFillerPastTheNextStart(int perCluster, bool fills)
    {
        // n1 as above (8 GiB, four 2 GiB guests). n2 sends two 24 GiB guests, the second due 20.6 s in, after the
        // filler would end. With 3 cluster slots both sources together want 4: a slot n1 leaves idle is one n2 can use,
        // so n1's NIC slack is not spent on a filler. With 4 the cluster limit cannot bind and n1 fills. (With 3, a fifth,
        // slower receiver keeps the rules deciding: with every receiver as fast as the sources the drain is played
        // forward instead, RolloutChoiceTests.)
        var smalls = Enumerable.Range(1, 4).Select(i => Make.Vmi($"small-{i}", "n1", 2, dirtyRate: 1_000_000));
        NodeSnapshot[] nodes = fills ? Nodes : [.. Nodes, Make.Node("n5", nic: Nic / 2)];
        var cluster = Make.Cluster(nodes, [Make.Vmi("big", "n1", 8, dirtyRate: 0), .. smalls,
            Make.Vmi("huge-1", "n2", 24, dirtyRate: 0), Make.Vmi("huge-2", "n2", 24, dirtyRate: 0)]);
        var decision = DrainScheduler.Decide(State(cluster, ["n1", "n2"], new() { MaxParallelMigrations = perCluster, MaxInboundPerNode = 4 }), T0);

        var started = decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).ToList();
        Assert.Contains("big", started);
        Assert.Contains("huge-1", started);
        Assert.Equal(fills ? 3 : 2, started.Count);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(12, false)]
    public void Decide_GuestThatNeedsTheNicToItself_FilledOnlyWithinAFirstPassThatSaturatesItsWorkingSet(long workingSetGiB, bool fills)
    {
        // 16 GiB dirtying 700 MB/s: at half the NIC it never converges, so it needs the NIC to itself. Its first pass
        // takes 13.7 s, long enough to re-dirty 9.6 GB: a 4 GiB working set is full before it ends (sharing then costs
        // it nothing but NIC time, and the 2 GiB guest is done within it); a 12 GiB one is not.
        var hot = Make.Vmi("hot", "n1", 16, dirtyRate: 700_000_000) with { WorkingSetBytes = workingSetGiB * Make.GiB };
        var cluster = Make.Cluster(Nodes, [hot, Make.Vmi("small", "n1", 2, dirtyRate: 1_000_000)]);
        var state = State(cluster, ["n1"]);

        var decision = DrainScheduler.Decide(state, T0);

        Assert.True(state.Plan.Items.Single(i => i.Vmi.Name == "hot").NeedsDedicatedBandwidth);
        Assert.Equal(fills ? ["hot", "small"] : ["hot"], decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name));
    }

    [Fact]
    public void Decide_OneOutboundSlotPerNode_NeverFills()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("big", "n1", 24, dirtyRate: 0), Make.Vmi("small", "n1", 2, dirtyRate: 1_000_000)]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"], new() { MaxOutboundPerNode = 1 }), T0);

        Assert.Equal("big", Assert.IsType<StartMigration>(Assert.Single(decision.Actions)).Vmi.Name);
    }

    [Fact]
    public void Decide_ForeignTransferOnSource_NeverFills()
    {
        // Its dirty rate is unknown, so the cost of sharing cannot be predicted.
        var foreign = new MigrationSnapshot("other", "evacuation", "x", "n1", "n5", MigrationPhase.Running, 25_000_000_000);
        var cluster = Make.Cluster(Nodes, [Make.Vmi("small", "n1", 2, dirtyRate: 1_000_000)], migrations: [foreign]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"]), T0);

        Assert.Empty(decision.Actions);
    }

    [Fact]
    public void Decide_FinishedFillerSharedTheNic_NextStartMovesLaterByItsBytes()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("big", "n1", 24, dirtyRate: 0), Make.Vmi("small", "n1", 2, dirtyRate: 1_000_000),
            Make.Vmi("next", "n1", 24, dirtyRate: 0)]);
        var state = State(cluster, ["n1"]);
        var starts = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();
        var big = InFlight(starts.Single(s => s.Vmi.Name == "big"), T0);
        var small = Finish(InFlight(starts.Single(s => s.Vmi.Name == "small"), T0), T0.AddSeconds(13.4));
        var moved = cluster with
        {
            Vmis = [.. cluster.Vmis.Select(v => v.Name == "small" ? v with { NodeName = starts.Single(s => s.Vmi.Name == "small").TargetNode } : v)],
        };

        var alone = DrainScheduler.Decide(state with { Attempts = [big] }, T0.AddSeconds(13.4));
        var shared = DrainScheduler.Decide(state with { Cluster = moved, Attempts = [big, small] }, T0.AddSeconds(13.4));

        // The big transfer starts 10 s in (the assumed start-up) and is due to end 20.6 s later: the next starts 10 s
        // before that, plus the 1.7 s the small one took of the NIC meanwhile.
        Assert.Equal(T0.AddSeconds(Seconds(24)), alone.WakeAt!.Value, TimeSpan.FromMilliseconds(10));
        Assert.Equal(T0.AddSeconds(Seconds(24) + Seconds(2)), shared.WakeAt!.Value, TimeSpan.FromMilliseconds(10));
    }
}
