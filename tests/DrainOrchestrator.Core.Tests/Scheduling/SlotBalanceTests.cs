using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// A source bound by its own two slots (start-up 10 s, short transfers): once its first long migration runs, its other
/// slot takes a short one rather than the second long one, so both long migrations end up in one slot and the short
/// ones fill the other evenly; longest first would leave one slot running a last short migration alone.
/// </summary>
public sealed class SlotBalanceTests
{
    private const long Nic = 1_250_000_000; // 10 Gbit/s

    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];

    [Fact]
    public void Decide_SlotBoundSourceWithALongMigrationLeft_FreeSlotTakesAShortOne()
    {
        var vmis = new List<VmiSnapshot> { Make.Vmi("long-1", "n1", 8, dirtyRate: 0), Make.Vmi("long-2", "n1", 8, dirtyRate: 0) };
        vmis.AddRange(Enumerable.Range(1, 7).Select(i => Make.Vmi("short-" + i, "n1", 2, dirtyRate: 0)));
        var state = State(Make.Cluster(Nodes, vmis), ["n1"]);
        var first = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();
        var longOne = first.Single(s => s.Vmi.Name == "long-1");
        // Whatever else started beside it (a short filler) has ended by the time the other slot is free again.
        var attempts = first.Select(s => s == longOne ? InFlight(s, T0) : Finish(InFlight(s, T0), T0.AddSeconds(11.8))).ToList();
        var freed = T0.AddSeconds(11.8);

        var next = DrainScheduler.Decide(state with { Attempts = attempts }, freed).Actions.OfType<StartMigration>().ToList();

        Assert.StartsWith("short-", Assert.Single(next).Vmi.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BalanceNeedsTwoMoves_FreeSlotStillTakesTheShortOne()
    {
        // Two 4Gi and four 2Gi guests left beside a 6Gi one in flight. Starting a 2Gi now and then the longest first
        // ends no sooner than the longest first (the two 4Gi land in different slots either way); only an order that puts
        // both 4Gi in one slot does, which takes two swaps: the free slot takes a 2Gi.
        var vmis = new List<VmiSnapshot> { Make.Vmi("head", "n1", 6, dirtyRate: 0), Make.Vmi("web-1", "n1", 4, dirtyRate: 0), Make.Vmi("web-2", "n1", 4, dirtyRate: 0) };
        vmis.AddRange(Enumerable.Range(1, 4).Select(i => Make.Vmi("sandbox-" + i, "n1", 2, dirtyRate: 0)));
        var state = State(Make.Cluster(Nodes, vmis), ["n1"]);
        var first = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();
        var head = first.Single(s => s.Vmi.Name == "head");
        var attempts = first.Select(s => s == head ? InFlight(s, T0) : Finish(InFlight(s, T0), T0.AddSeconds(11))).ToList();

        var next = DrainScheduler.Decide(state with { Attempts = attempts }, T0.AddSeconds(11)).Actions.OfType<StartMigration>().ToList();

        Assert.StartsWith("sandbox-", Assert.Single(next).Vmi.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NicBoundSource_StillStartsTheLongestFirst()
    {
        // Long transfers only (27 s each against a 10 s start-up): the NIC binds, and the longest goes first.
        var vmis = new[] { Make.Vmi("a", "n1", 32, dirtyRate: 0), Make.Vmi("b", "n1", 24, dirtyRate: 0), Make.Vmi("c", "n1", 16, dirtyRate: 0) };

        var start = DrainScheduler.Decide(State(Make.Cluster(Nodes, vmis), ["n1"]), T0).Actions.OfType<StartMigration>().First();

        Assert.Equal("a", start.Vmi.Name);
    }
}
