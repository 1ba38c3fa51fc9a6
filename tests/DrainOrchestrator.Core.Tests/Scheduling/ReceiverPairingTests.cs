using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// The target of a migration is chosen by the rate it would get (its source NIC against the receiver NIC's fair share
/// among its inbound migrations), and receivers that constrained guests need are left to them while they wait.
/// </summary>
public sealed class ReceiverPairingTests
{
    private const long Fast = 3_125_000_000; // 25 Gbit/s
    private const long Slow = 1_250_000_000; // 10 Gbit/s

    [Fact]
    public void Decide_FastSources_ShareAFastReceiverRatherThanTakeAnIdleSlowOne()
    {
        // Half of 25 Gbit/s is more than all of 10 Gbit/s: both 25 Gbit/s sources send to the 25 Gbit/s receiver.
        var nodes = new[]
        {
            Make.Node("src-1", nic: Fast), Make.Node("src-2", nic: Fast),
            Make.Node("fast", nic: Fast), Make.Node("slow", memoryGiB: 512, nic: Slow),
        };
        var cluster = Make.Cluster(nodes, [Make.Vmi("a", "src-1", 32, dirtyRate: 0), Make.Vmi("b", "src-2", 32, dirtyRate: 0)]);

        var starts = DrainScheduler.Decide(State(cluster, ["src-1", "src-2"]), T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(2, starts.Count);
        Assert.All(starts, s => Assert.Equal("fast", s.TargetNode));
    }

    [Fact]
    public void Decide_SlowSource_TakesAnIdleSlowReceiverOverAnIdleFastOne()
    {
        // Both give its whole 10 Gbit/s: the 25 Gbit/s receiver stays free for the 25 Gbit/s source, which would get
        // only half of it beside the slow one.
        var nodes = new[]
        {
            Make.Node("src-slow", nic: Slow), Make.Node("src-fast", nic: Fast),
            Make.Node("fast", nic: Fast), Make.Node("slow", nic: Slow),
        };
        var cluster = Make.Cluster(nodes, [Make.Vmi("a", "src-slow", 32, dirtyRate: 0), Make.Vmi("b", "src-fast", 8, dirtyRate: 0)]);

        var starts = DrainScheduler.Decide(State(cluster, ["src-slow", "src-fast"]), T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal("slow", starts.Single(s => s.Vmi.Name == "a").TargetNode);
        Assert.Equal("fast", starts.Single(s => s.Vmi.Name == "b").TargetNode);
    }

    [Fact]
    public void Decide_ThirdMigrationIntoAFastReceiver_SharesLessThanAnIdleSlowReceiverGives()
    {
        // A third of 25 Gbit/s (8.3) is less than 10: the third source takes the idle slow receiver.
        var nodes = new[]
        {
            Make.Node("src-1", nic: Fast), Make.Node("src-2", nic: Fast), Make.Node("src-3", nic: Fast),
            Make.Node("fast", nic: Fast), Make.Node("slow", nic: Slow),
        };
        var cluster = Make.Cluster(nodes,
            [Make.Vmi("a", "src-1", 32, dirtyRate: 0), Make.Vmi("b", "src-2", 32, dirtyRate: 0), Make.Vmi("c", "src-3", 16, dirtyRate: 0)]);
        var policy = new DrainPolicy { MaxInboundPerNode = 3 };

        var starts = DrainScheduler.Decide(State(cluster, ["src-1", "src-2", "src-3"], policy), T0).Actions.OfType<StartMigration>().ToList();

        Assert.Equal(["fast", "fast", "slow"], starts.Select(s => s.TargetNode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_GuestManyNodesAdmit_StaysOffTheOnlyReceiverOfAPinnedGuest()
    {
        // The spare has the most free memory, but the pinned guest can go nowhere else.
        var zoneA = Make.Labels("topology.kubernetes.io/zone=a");
        var nodes = new[]
        {
            Make.Node("a-src-1", labels: zoneA), Make.Node("a-src-2", labels: zoneA),
            Make.Node("a-spare", memoryGiB: 512, labels: zoneA),
            Make.Node("b-1", labels: Make.Labels("topology.kubernetes.io/zone=b")),
            Make.Node("b-2", labels: Make.Labels("topology.kubernetes.io/zone=b")),
            Make.Node("b-3", labels: Make.Labels("topology.kubernetes.io/zone=b")),
        };
        var cluster = Make.Cluster(nodes,
        [
            Make.Vmi("free", "a-src-1", 16, dirtyRate: 0),
            Make.Vmi("pinned", "a-src-2", 8, dirtyRate: 0, nodeSelector: zoneA),
        ]);
        var state = State(cluster, ["a-src-1", "a-src-2"]);

        var starts = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToDictionary(s => s.Vmi.Name, s => s.TargetNode);

        Assert.Equal(["a-spare"], state.Plan.Items.Single(i => i.Vmi.Name == "pinned").ConstrainedTargets);
        Assert.Null(state.Plan.Items.Single(i => i.Vmi.Name == "free").ConstrainedTargets);
        Assert.Equal("a-spare", starts["pinned"]);
        Assert.StartsWith("b-", starts["free"], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PinnedGuestsOnTwoSources_OneSendsIntoTheSpareTheOtherSendsElsewhereUntilTheSpareIsReady()
    {
        // 8 GiB over 10 Gbit/s takes 6.9 s. Both sources hold a pinned and a free guest; the free ones are larger, so
        // without critical-path priority each source would start its free guest first.
        var zoneA = Make.Labels("topology.kubernetes.io/zone=a");
        var zoneB = Make.Labels("topology.kubernetes.io/zone=b");
        var nodes = new[]
        {
            Make.Node("a-src-1", labels: zoneA, nic: Slow), Make.Node("a-src-2", labels: zoneA, nic: Slow),
            Make.Node("a-spare", memoryGiB: 512, labels: zoneA, nic: Slow),
            Make.Node("b-1", labels: zoneB, nic: Slow), Make.Node("b-2", labels: zoneB, nic: Slow), Make.Node("b-3", labels: zoneB, nic: Slow),
        };
        var cluster = Make.Cluster(nodes,
        [
            Make.Vmi("pinned-1", "a-src-1", 8, dirtyRate: 0, nodeSelector: zoneA), Make.Vmi("free-1", "a-src-1", 12, dirtyRate: 0),
            Make.Vmi("pinned-2", "a-src-2", 8, dirtyRate: 0, nodeSelector: zoneA), Make.Vmi("free-2", "a-src-2", 12, dirtyRate: 0),
        ]);
        var state = State(cluster, ["a-src-1", "a-src-2"]);

        var decision = DrainScheduler.Decide(state, T0);
        var starts = decision.Actions.OfType<StartMigration>().ToList();

        var intoSpare = Assert.Single(starts, s => s.TargetNode == "a-spare");
        Assert.StartsWith("pinned-", intoSpare.Vmi.Name, StringComparison.Ordinal);
        var other = Assert.Single(starts, s => s.SourceNode != intoSpare.SourceNode);
        Assert.StartsWith("free-", other.Vmi.Name, StringComparison.Ordinal);
        var transfer = TimeSpan.FromSeconds(8.0 * Make.GiB / Slow);
        Assert.Equal(T0 + transfer, decision.WakeAt!.Value, TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void Decide_NoConstrainedGuestWaiting_TheSpareIsAnyonesAgain()
    {
        var zoneA = Make.Labels("topology.kubernetes.io/zone=a");
        var nodes = new[]
        {
            Make.Node("a-src-1", labels: zoneA), Make.Node("a-spare", memoryGiB: 512, labels: zoneA),
            Make.Node("b-1", labels: Make.Labels("topology.kubernetes.io/zone=b")),
        };
        var cluster = Make.Cluster(nodes, [Make.Vmi("free", "a-src-1", 16, dirtyRate: 0)]);

        var start = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(State(cluster, ["a-src-1"]), T0).Actions));

        Assert.Equal("a-spare", start.TargetNode);
    }
}
