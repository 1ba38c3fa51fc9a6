using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// A pass that runs late (a busy engine, or drain-sim at speed 20, where a pass lasts twenty times longer in model time)
/// finds two sources due, one since long before the other. An engine that kept up would have given the one free cluster
/// slot to the source due first, so the late pass does too, whichever is busier; without a previous decision to date the
/// gap from (no cluster slot known free since a time), or when both were already due then, the busier source takes it.
/// </summary>
public sealed class LatePassTests
{
    private const long Nic = 1_250_000_000; // 10 Gbit/s

    private static readonly DrainPolicy Policy = new() { MaxParallelMigrations = 3, MaxOutboundPerNode = 2 };

    [Fact]
    public void Decide_LatePassWithTwoSourcesDue_StartsTheOneDueFirst()
    {
        var (state, now) = TwoSourcesDue();

        var start = Assert.Single(DrainScheduler.Decide(state with { SlotFreeSince = T0.AddSeconds(1) }, now).Actions.OfType<StartMigration>());

        Assert.Equal("b-next", start.Vmi.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(29.0)]
    public void Decide_BothDueAtThePreviousDecisionOrNoneKnown_StartsTheBusierSource(double? previousSeconds)
    {
        var (state, now) = TwoSourcesDue();
        var previous = previousSeconds is { } seconds ? T0.AddSeconds(seconds) : (DateTimeOffset?)null;

        var start = Assert.Single(DrainScheduler.Decide(state with { SlotFreeSince = previous }, now).Actions.OfType<StartMigration>());

        Assert.Equal("a-next", start.Vmi.Name);
    }

    // Both start at T0 with the default 10 s start-up: n1 then sends 32 GiB (about 27 s), n2 16 GiB (about 14 s), so n2 is
    // due (its NIC free a start-up ahead) about 14 s in and n1 about 27 s in. n1 has more left (24 GiB against 8). Two in
    // flight under a cluster limit of 3 leave one slot. The pass runs 30 s in.
    private static (SchedulerState State, DateTimeOffset Now) TwoSourcesDue()
    {
        NodeSnapshot[] nodes = [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];
        VmiSnapshot[] vmis =
        [
            Make.Vmi("a-first", "n1", 32, dirtyRate: 0), Make.Vmi("a-next", "n1", 24, dirtyRate: 0),
            Make.Vmi("b-first", "n2", 16, dirtyRate: 0), Make.Vmi("b-next", "n2", 8, dirtyRate: 0),
        ];
        var state = State(Make.Cluster(nodes, vmis), ["n1", "n2"], Policy);
        var first = DrainScheduler.Decide(state with { Policy = Policy with { MaxOutboundPerNode = 1 } }, T0).Actions.OfType<StartMigration>().ToList();
        Assert.Equal(["a-first", "b-first"], first.Select(s => s.Vmi.Name).Order(StringComparer.Ordinal));
        return (state with { Attempts = [.. first.Select(s => InFlight(s, T0))] }, T0.AddSeconds(30));
    }
}
