using DrainOrchestrator.Scheduling.Bench.Bounds;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Bounds;

public sealed class LowerBoundTests
{
    private const double Nic = 1e9;

    private static BoundVm Vm(string node, double seconds) =>
        new("ns/" + node + seconds, node, Nic, new UncontendedMigration(seconds, seconds * Nic, true));

    [Fact]
    public void Of_OneNodeTwoSlots_NicTermIsStartupPlusTransfers()
    {
        // Node: max(7 + 10 + 20, (17 + 27) / 2 = 22) = 37; cluster (44) / 5; longest 27.
        var bound = LowerBound.Of([Vm("n1", 10), Vm("n1", 20)], startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(37, bound.Seconds, 6);
        Assert.Equal("node-nic", bound.Binding);
        Assert.Equal("n1", bound.BusiestNode);
    }

    [Fact]
    public void Of_OneSlotPerNode_MigrationsOfANodeAddUp()
    {
        var bound = LowerBound.Of([Vm("n1", 10), Vm("n1", 20)], startupSeconds: 7, clusterLimit: 5, perNodeLimit: 1);

        Assert.Equal(44, bound.Seconds, 6);
        Assert.Equal("node-slots", bound.Binding);
    }

    [Fact]
    public void Of_ManyNodes_ClusterSlotsBind()
    {
        var vms = Enumerable.Range(0, 10).Select(i => Vm("n" + i, 3)).ToList();

        var bound = LowerBound.Of(vms, startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(20, bound.Seconds, 6);
        Assert.Equal("cluster", bound.Binding);
    }

    [Fact]
    public void Of_FewerSourcesThanClusterSlots_ClusterTermCountsTheWasteAtStartAndEnd()
    {
        // Three sources with four 7 s guests each under 5/2: Σ (S + t) = 12 × 14 = 168. Two of the five slots can neither
        // send nor start a target in the first t_min after the first start-ups, nor after the last one: 2 × 2 × 7 = 28.
        var vms = Enumerable.Range(0, 12).Select(i => Vm("n" + (i % 3), 7)).ToList();

        var bound = LowerBound.Of(vms, startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal((168 + 28) / 5.0, bound.Seconds, 6);
        Assert.Equal("cluster", bound.Binding);
    }

    [Fact]
    public void Of_FewerSourcesThanClusterSlots_NoMoreMigrationsThanSlots_OnlyOneWindowCounts()
    {
        var vms = new[] { Vm("n1", 7), Vm("n1", 7), Vm("n2", 7), Vm("n2", 9) };

        var bound = LowerBound.Of(vms, startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal((58 + (3 * 7)) / 5.0, bound.ClusterSeconds, 6);
    }

    [Fact]
    public void Of_FewerSourcesThanClusterSlots_GuestBelowItsNicRate_NoEdgeWaste()
    {
        // A capped guest leaves its NIC room for a second transfer at full speed: a slot beside it is not waste.
        var vms = Enumerable.Range(0, 11).Select(i => Vm("n" + (i % 3), 7)).ToList();
        vms.Add(new BoundVm("ns/capped", "n2", Nic, new UncontendedMigration(7, 3.5 * Nic, true)));

        var bound = LowerBound.Of(vms, startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(168 / 5.0, bound.ClusterSeconds, 6);
    }

    [Fact]
    public void Of_OneLongMigration_LongestBinds()
    {
        var bound = LowerBound.Of([Vm("n1", 100), Vm("n2", 1), Vm("n3", 1)], startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(107, bound.Seconds, 6);
    }

    [Fact]
    public void Of_VmMovedOnlyByPostCopy_CountsItsShortestPostCopy()
    {
        // 20 GB at 1 GB/s, switched 20 s in at the earliest (1 s per GB) with its 4 GB working set dirty again: 24 s.
        var hot = new BoundVm("ns/hot", "n1", Nic, UncontendedMigration.PostCopyMinimum(20e9, 2e9, 4e9, Nic, 0, 20));

        var bound = LowerBound.Of([Vm("n1", 10), hot], startupSeconds: 7, clusterLimit: 5, perNodeLimit: 1);

        Assert.Equal(17 + 31, bound.Seconds, 6);
        Assert.Equal(0, bound.NotConverging);
        Assert.Equal(1, bound.PostCopied);
    }

    [Fact]
    public void Of_VmThatNeverConverges_LeftOutAndCounted()
    {
        var never = new BoundVm("ns/hot", "n1", Nic, new UncontendedMigration(double.PositiveInfinity, double.PositiveInfinity, false));

        var bound = LowerBound.Of([Vm("n1", 10), never], startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(17, bound.Seconds, 6);
        Assert.Equal(1, bound.NotConverging);
    }

    [Fact]
    public void Of_TwoSlotsLongAndShortGuests_SlotTermCountsTheWasteBesideTheLongTransfer()
    {
        // One 30 s transfer and ten 2 s ones, S = 7: Σ (S + t) = 37 + 90 = 127; the long one's excess 23 s needs 23/7
        // shadows, the cheapest waste 6.571 s; (127 + 6.571) / 2 = 66.79 (the NIC term is 7 + 50 = 57).
        List<BoundVm> vms = [Vm("n1", 30), .. Enumerable.Range(0, 10).Select(i => Vm("n1", 2) with { Name = "ns/s" + i })];

        var bound = LowerBound.Of(vms, startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal((127 + (23.0 / 7 * 2)) / 2, bound.Seconds, 6);
        Assert.Equal("node-slots", bound.Binding);
    }

    [Fact]
    public void Of_TwoSlotsGuestsBelowTheNicRate_NoWasteCounted()
    {
        // Each guest alone sends at half the NIC (a cap or a slower best target): two share the NIC without slowing.
        static BoundVm Half(string name, double seconds) => new(name, "n1", Nic, new UncontendedMigration(seconds, seconds * Nic / 2, true));
        List<BoundVm> vms = [Half("ns/long", 30), .. Enumerable.Range(0, 10).Select(i => Half("ns/s" + i, 2))];

        var bound = LowerBound.Of(vms, startupSeconds: 7, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(127.0 / 2, bound.Seconds, 6);
    }

    [Fact]
    public void Sum_Batches_AddUp()
    {
        var first = LowerBound.Of([Vm("n1", 10)], 7, 5, 2);
        var second = LowerBound.Of([Vm("n2", 20)], 7, 5, 2);

        Assert.Equal(44, LowerBound.Sum([first, second]).Seconds, 6);
    }

    [Fact]
    public void Of_CappedBelowTheNic_TwoLanesMustShareIt()
    {
        // Four guests capped at 0.6 of a 1e9 B/s NIC, 10 s (6e9 bytes) each, S = 10, L = 2. NIC term 10 + 24 = 34, slot
        // term (40 + 40) / 2 = 40. Lanes: by T, at most T - 10 s of transfers and 2T - 40 slot-seconds of them; one
        // transfer sends 0.6e9/s, two 1e9/s together. With both tight, two run T - 30 s and one runs 20 s:
        // 0.6·20 + (T - 30) >= 24 gives T >= 42.
        BoundVm Capped(int i) => new("ns/c" + i, "n1", Nic, new UncontendedMigration(10, 6e9, true));

        var bound = LowerBound.Of([Capped(1), Capped(2), Capped(3), Capped(4)], startupSeconds: 10, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(42, bound.Seconds, 3);
        Assert.Equal("node-lanes", bound.Binding);
    }

    [Fact]
    public void Of_TransfersFillTheNic_LanesAddNothing()
    {
        var bound = LowerBound.Of([Vm("n1", 10), Vm("n1", 10), Vm("n1", 10), Vm("n1", 10)], startupSeconds: 10, clusterLimit: 5, perNodeLimit: 2);

        Assert.Equal(50, bound.Seconds, 6);
        Assert.Equal("node-nic", bound.Binding);
    }
}
