namespace DrainOrchestrator.Simulator.Cluster.Tests.Physics;

public sealed class BandwidthAllocatorTests
{
    private static readonly EffectiveMigrationConfiguration Unlimited = new(
        0, TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(150), false, false, false, TimeSpan.FromMilliseconds(300));

    [Fact]
    public void Allocate_TwoTransfersFromOneSource_SplitTheSourceEvenly()
    {
        var a = Node("a", 1000);
        var t1 = Transfer(a, Node("b", 1000));
        var t2 = Transfer(a, Node("c", 1000));

        BandwidthAllocator.Allocate([t1, t2]);

        Assert.Equal(500, t1.Rate, 6);
        Assert.Equal(500, t2.Rate, 6);
    }

    [Fact]
    public void Allocate_OneTransferCappedByItsTarget_LeavesItsUnusedShareToTheOther()
    {
        // Source a (1000) feeds b (inbound 200) and c (1000). Even split would be 500/500, but b takes at most 200:
        // the 300 b cannot use goes to c, which gets 800.
        var a = Node("a", 1000);
        var slow = Transfer(a, Node("b", 200));
        var fast = Transfer(a, Node("c", 1000));

        BandwidthAllocator.Allocate([slow, fast]);

        Assert.Equal(200, slow.Rate, 6);
        Assert.Equal(800, fast.Rate, 6);
    }

    [Fact]
    public void Allocate_TransferCappedByBandwidthPerMigration_LeavesTheRestToTheOthers()
    {
        // Three transfers leave a (900): one is capped at 100 by its configuration, the other two share 800.
        var a = Node("a", 900);
        var capped = Transfer(a, Node("b", 1000), Unlimited with { BandwidthPerMigration = 100 });
        var t2 = Transfer(a, Node("c", 1000));
        var t3 = Transfer(a, Node("d", 1000));

        BandwidthAllocator.Allocate([capped, t2, t3]);

        Assert.Equal(100, capped.Rate, 6);
        Assert.Equal(400, t2.Rate, 6);
        Assert.Equal(400, t3.Rate, 6);
    }

    [Fact]
    public void Allocate_ChainOfBottlenecks_ProgressiveFillingSettlesEachLevel()
    {
        // a (600) sends to x and y; b (1000) sends to y and z; y receives at most 300.
        // Level 150: y is full (a→y and b→y settle at 150).
        // a has 450 left for a→x alone: a→x settles at 450 when a is full.
        // b has 850 left for b→z alone: b→z settles at 850 when b is full (z's 1000 is not reached).
        var a = Node("a", 600);
        var b = Node("b", 1000);
        var y = Node("y", 300);
        var ax = Transfer(a, Node("x", 1000));
        var ay = Transfer(a, y);
        var by = Transfer(b, y);
        var bz = Transfer(b, Node("z", 1000));

        BandwidthAllocator.Allocate([ax, ay, by, bz]);

        Assert.Equal(150, ay.Rate, 6);
        Assert.Equal(150, by.Rate, 6);
        Assert.Equal(450, ax.Rate, 6);
        Assert.Equal(850, bz.Rate, 6);
    }

    [Fact]
    public void Allocate_NodeNetworkDown_ItsTransfersGetNothingAndLeaveTheirShare()
    {
        var a = Node("a", 1000);
        var down = Node("b", 1000);
        down.NetworkLossFaults = 1;
        var lost = Transfer(a, down);
        var kept = Transfer(a, Node("c", 1000));

        BandwidthAllocator.Allocate([lost, kept]);

        Assert.Equal(0, lost.Rate);
        Assert.Equal(1000, kept.Rate, 6);
    }

    [Fact]
    public void Allocate_OnMigrationNetwork_UsesTheMigrationNicsAndLeavesThePodNicsToOthers()
    {
        // a's pod NIC (100) and migration NIC (1000) are separate ports: a transfer on each gets its own NIC's whole.
        var a = Node("a", 100, migrationNic: 1000);
        var b = Node("b", 100, migrationNic: 1000);
        var dedicated = Transfer(a, b, onMigrationNetwork: true);
        var pod = Transfer(a, b);

        BandwidthAllocator.Allocate([dedicated, pod]);

        Assert.Equal(1000, dedicated.Rate, 6);
        Assert.Equal(100, pod.Rate, 6);
    }

    [Fact]
    public void Allocate_ManyTransfers_EveryNicStaysWithinItsCapacity()
    {
        var nodes = Enumerable.Range(0, 40).Select(i => Node("n" + i, 100 + (i * 37 % 900))).ToList();
        var transfers = new List<Transfer>();
        for (var i = 0; i < 400; i++)
        {
            var source = nodes[i % 40];
            var target = nodes[(i * 7 + 3) % 40];
            if (source != target)
            {
                transfers.Add(Transfer(source, target, Unlimited with { BandwidthPerMigration = i % 5 == 0 ? 30 : 0 }));
            }
        }

        BandwidthAllocator.Allocate(transfers);

        foreach (var node in nodes)
        {
            Assert.True(transfers.Where(t => t.Source == node).Sum(t => t.Rate) <= node.NicBandwidth + 1e-6);
            Assert.True(transfers.Where(t => t.Target == node).Sum(t => t.Rate) <= node.NicBandwidth + 1e-6);
        }

        // Max-min: every transfer is held back by its cap or by a full NIC it crosses.
        foreach (var t in transfers)
        {
            var capped = t.Config.BandwidthPerMigration > 0 && Math.Abs(t.Rate - t.Config.BandwidthPerMigration) < 1e-6;
            var sourceFull = transfers.Where(o => o.Source == t.Source).Sum(o => o.Rate) >= t.Source.NicBandwidth - 1e-6;
            var targetFull = transfers.Where(o => o.Target == t.Target).Sum(o => o.Rate) >= t.Target.NicBandwidth - 1e-6;
            Assert.True(capped || sourceFull || targetFull, $"{t.Source.Name}→{t.Target.Name} at {t.Rate} could rise");
        }
    }

    private static NodeState Node(string name, long nic, long migrationNic = 0) =>
        new(name) { NicBandwidth = nic, MigrationNicBandwidth = migrationNic };

    private static Transfer Transfer(NodeState source, NodeState target, EffectiveMigrationConfiguration? config = null,
        bool onMigrationNetwork = false)
    {
        var job = TestJobs.Of(source.Name + "-" + target.Name, 1);
        return new Transfer
        {
            Job = job,
            Source = source,
            Target = target,
            Config = config ?? Unlimited,
            OnMigrationNetwork = onMigrationNetwork,
            StartedAt = DateTimeOffset.UnixEpoch,
            Budget = TimeSpan.FromMinutes(1),
            MemoryBytes = 1,
            WorkingSetBytes = 1,
        };
    }
}
