using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// Where the drain is small and the cluster limit binds, the scheduler plays the drain forward from each choice open
/// (RolloutChoice) and takes one that ends sooner than its rules' own. The same drains with a receiver slower than the
/// sources are decided by the rules (SlotFillerTests, LongTransferRotationTests).
/// </summary>
public sealed class RolloutChoiceTests
{
    private const long Fast = 3_125_000_000; // 25 Gbit/s

    [Fact]
    public void Decide_ShortGuestFirstEndsSooner_StartsItAndLeavesTheSlotForTheNextJustInTime()
    {
        // 25 Gbit/s, three slots a node, three in the cluster. n1: a 4 GiB guest (1.4 s of NIC) and two of 1 GiB (0.3 s);
        // n2: 8 GiB. The rules start n2's 8 GiB and n1's 4 GiB, and the last slot takes a 1 GiB guest that shares n1's NIC;
        // the other 1 GiB then waits for a slot until n1's first transfers end, about 11.7 s in, and ends near 22 s.
        // Starting a 1 GiB guest first, the 4 GiB one becomes due 0.3 s later (the slot waits for it), and the last
        // 1 GiB guest takes the first one's slot when it ends, about 10.3 s in: the drain ends about 1.4 s sooner.
        NodeSnapshot[] nodes =
        [
            Make.Node("n1", nic: Fast), Make.Node("n2", nic: Fast), Make.Node("r1", nic: Fast), Make.Node("r2", nic: Fast),
            Make.Node("r3", nic: Fast),
        ];
        var cluster = Make.Cluster(nodes,
        [
            Make.Vmi("mid", "n1", 4, dirtyRate: 0), Make.Vmi("small-1", "n1", 1, dirtyRate: 0), Make.Vmi("small-2", "n1", 1, dirtyRate: 0),
            Make.Vmi("big", "n2", 8, dirtyRate: 0),
        ]);
        var policy = new DrainPolicy { MaxParallelMigrations = 3, MaxOutboundPerNode = 3 };

        var decision = DrainScheduler.Decide(State(cluster, ["n1", "n2"], policy), T0);

        var started = decision.Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, started.Count);
        Assert.Contains("big", started);
        Assert.StartsWith("small-", started[1], StringComparison.Ordinal);
        Assert.NotNull(decision.WakeAt);
        Assert.InRange(decision.WakeAt!.Value, T0.AddSeconds(0.2), T0.AddSeconds(1));
    }

    [Fact]
    public void Decide_SlowerReceiver_TheRulesDecide()
    {
        // The same drain with one receiver at 10 Gbit/s: a transfer into it would last longer than its source's NIC says,
        // which the model does not play, so the rules start the 4 GiB guest and fill the last slot.
        NodeSnapshot[] nodes =
        [
            Make.Node("n1", nic: Fast), Make.Node("n2", nic: Fast), Make.Node("r1", nic: Fast), Make.Node("r2", nic: Fast),
            Make.Node("r3", nic: Fast), Make.Node("r4", nic: 1_250_000_000),
        ];
        var cluster = Make.Cluster(nodes,
        [
            Make.Vmi("mid", "n1", 4, dirtyRate: 0), Make.Vmi("small-1", "n1", 1, dirtyRate: 0), Make.Vmi("small-2", "n1", 1, dirtyRate: 0),
            Make.Vmi("big", "n2", 8, dirtyRate: 0),
        ]);
        var policy = new DrainPolicy { MaxParallelMigrations = 3, MaxOutboundPerNode = 3 };

        var started = DrainScheduler.Decide(State(cluster, ["n1", "n2"], policy), T0).Actions.OfType<StartMigration>().Select(s => s.Vmi.Name).ToList();

        Assert.Equal(3, started.Count);
        Assert.Contains("mid", started);
    }

    [Fact]
    public void TransferSeconds_PostCopyStart_HoldsTheNicForItsPredictedDurationNotItsMemory()
    {
        // 10 Gbit/s: a 16 GiB guest dirtying 2 GB/s cannot converge even alone and starts in post-copy; it sends pre-copy
        // rounds until the switch, then its pulls, so the model gives its NIC its predicted duration after the start-up,
        // longer than its memory at the NIC's rate. A quiet guest's transfer is its bytes at that rate.
        const long Nic = 1_250_000_000;
        NodeSnapshot[] nodes = [Make.Node("n1", nic: Nic), Make.Node("r1", nic: Nic), Make.Node("r2", nic: Nic)];
        var cluster = Make.Cluster(nodes, [Make.Vmi("hot", "n1", 16, dirtyRate: 2_000_000_000), Make.Vmi("quiet", "n1", 4, dirtyRate: 0)]);
        var state = State(cluster, ["n1"]);
        var hot = state.Plan.Items.Single(i => i.Vmi.Name == "hot");
        var quiet = state.Plan.Items.Single(i => i.Vmi.Name == "quiet");
        var startup = state.Policy.CostModel.TargetStartup;

        Assert.True(hot.StartsInPostCopy);
        Assert.Equal(((hot.AloneEstimate ?? hot.Estimate).Duration - startup).TotalSeconds, RolloutChoice.TransferSeconds(hot, Nic, startup), 6);
        Assert.True(RolloutChoice.TransferSeconds(hot, Nic, startup) > 16.0 * Make.GiB / Nic);
        Assert.Equal((quiet.AloneEstimate ?? quiet.Estimate).TransferredBytes / (double)Nic, RolloutChoice.TransferSeconds(quiet, Nic, startup), 6);
    }
}
