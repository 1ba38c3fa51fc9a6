using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// Three sources, 5 per cluster and 2 per node: a source in a transfer longer than a target's start-up (10 s) leaves
/// its other slot idle, so only one source may be in such a transfer while the others can still fill the cluster's
/// slots with short guests (two each), unless the long guests left would not fit otherwise.
/// </summary>
public sealed class LongTransferRotationTests
{
    private const long Nic = 1_250_000_000;

    private static readonly DrainPolicy Policy = new() { MaxParallelMigrations = 5, MaxOutboundPerNode = 2 };

    [Fact]
    public void Decide_ThreeSourcesWithOneLongGuestEach_OnlyOneStartsItsLongGuestFirst()
    {
        // Per source one 16 GiB guest (about 14 s of transfer) and ten 2 GiB guests (under 2 s each).
        var state = State(Cluster(longPerSource: 1, shortPerSource: 10), ["s1", "s2", "s3"], Policy);

        var starts = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(["s1", "s2", "s3"], starts.Select(s => s.SourceNode).Distinct().Order());
        Assert.Single(starts, s => s.Vmi.MemoryBytes == 16 * Make.GiB);
    }

    [Fact]
    public void Decide_MostWorkInLongGuests_EverySourceStartsItsLongestFirst()
    {
        // Holding long guests back would leave them all for the end. (A slower receiver keeps the rules deciding: with
        // every receiver as fast as the sources the drain is played forward instead, RolloutChoiceTests.)
        var state = State(Cluster(longPerSource: 3, shortPerSource: 1, slowReceiver: true), ["s1", "s2", "s3"], Policy);

        var starts = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(3, starts.Count(s => s.Vmi.MemoryBytes == 16 * Make.GiB));
        Assert.Equal(["s1", "s2", "s3"], starts.Where(s => s.Vmi.MemoryBytes == 16 * Make.GiB).Select(s => s.SourceNode).Order());
    }

    [Fact]
    public void Decide_OneOutboundPerNode_EverySourceStartsItsLongestFirst()
    {
        // With one slot per node a long transfer leaves no slot idle: nothing to rotate.
        var state = State(Cluster(longPerSource: 1, shortPerSource: 10), ["s1", "s2", "s3"], Policy with { MaxOutboundPerNode = 1 });

        var starts = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(3, starts.Count(s => s.Vmi.MemoryBytes == 16 * Make.GiB));
    }

    [Fact]
    public void Decide_NicBandwidthsOnlyAssumed_EverySourceStartsItsLongestFirst()
    {
        // Without a known NIC (no annotation, nothing observed) long and short transfers are only guessed: no rotation.
        var state = State(Cluster(longPerSource: 1, shortPerSource: 10, nic: null), ["s1", "s2", "s3"], Policy);

        var starts = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(3, starts.Count(s => s.Vmi.MemoryBytes == 16 * Make.GiB));
    }

    private static ClusterSnapshot Cluster(int longPerSource, int shortPerSource, long? nic = Nic, bool slowReceiver = false)
    {
        var nodes = new List<NodeSnapshot>();
        var vmis = new List<VmiSnapshot>();
        foreach (var source in new[] { "s1", "s2", "s3" })
        {
            nodes.Add(Make.Node(source, memoryGiB: 256, nic: nic));
            for (var i = 0; i < longPerSource; i++)
            {
                vmis.Add(Make.Vmi($"{source}-long-{i}", source, memoryGiB: 16, dirtyRate: 0));
            }

            for (var i = 0; i < shortPerSource; i++)
            {
                vmis.Add(Make.Vmi($"{source}-short-{i}", source, memoryGiB: 2, dirtyRate: 0));
            }
        }

        for (var i = 0; i < 6; i++)
        {
            nodes.Add(Make.Node($"r{i}", memoryGiB: 256, nic: nic));
        }

        if (slowReceiver)
        {
            nodes.Add(Make.Node("r-slow", memoryGiB: 256, nic: Nic / 2));
        }

        return Make.Cluster(nodes, vmis);
    }
}
