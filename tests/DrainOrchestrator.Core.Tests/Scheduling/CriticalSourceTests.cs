using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// The last free cluster slot, with one source ready now and another due within a start-up that holds far more work:
/// a migration started now holds the slot past the busy source's due time, and the busy source is the drain's critical
/// path, so the slot waits for it. A source due later than a start-up, or one with less work, does not hold the slot.
/// </summary>
public sealed class CriticalSourceTests
{
    private const long Nic = 1_250_000_000; // 10 Gbit/s

    // n1 starts its 32 GiB guest at T0 (cluster limit 1); with the default 10 s start-up its transfer runs from T0 + 10 s
    // for about 27.5 s, so n1 is due again about 27.5 s in, with five 8 GiB guests (about 34 s of its NIC) left. n2 holds
    // one 2 GiB guest and nothing in flight: it is ready at any time.
    private static SchedulerState BusySourceInFlight()
    {
        NodeSnapshot[] nodes = [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];
        var vmis = new List<VmiSnapshot> { Make.Vmi("a-first", "n1", 32, dirtyRate: 0), Make.Vmi("b-only", "n2", 2, dirtyRate: 0) };
        for (var i = 0; i < 5; i++)
        {
            vmis.Add(Make.Vmi($"a-{i}", "n1", 8, dirtyRate: 0));
        }

        var policy = new DrainPolicy { MaxParallelMigrations = 2, MaxOutboundPerNode = 2 };
        var state = State(Make.Cluster(nodes, [.. vmis]), ["n1", "n2"], policy);
        var first = DrainScheduler.Decide(state with { Policy = policy with { MaxParallelMigrations = 1 } }, T0).Actions.OfType<StartMigration>().ToList();
        Assert.Equal(["a-first"], first.Select(s => s.Vmi.Name));
        return state with { Attempts = [.. first.Select(s => InFlight(s, T0))] };
    }

    [Fact]
    public void Decide_BusierSourceDueWithinAStartup_KeepsTheLastSlotForIt()
    {
        var state = BusySourceInFlight();

        var decision = DrainScheduler.Decide(state, T0.AddSeconds(25));

        Assert.Empty(decision.Actions.OfType<StartMigration>());
        Assert.NotNull(decision.WakeAt);
        Assert.InRange(decision.WakeAt!.Value, T0.AddSeconds(26), T0.AddSeconds(29));
    }

    [Fact]
    public void Decide_WhenTheBusierSourceIsDue_ItTakesTheSlot()
    {
        var state = BusySourceInFlight();

        var start = Assert.Single(DrainScheduler.Decide(state, T0.AddSeconds(28)).Actions.OfType<StartMigration>());

        Assert.StartsWith("a-", start.Vmi.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BusierSourceDueLaterThanAStartup_TheReadySourceTakesTheSlot()
    {
        var state = BusySourceInFlight();

        var start = Assert.Single(DrainScheduler.Decide(state, T0.AddSeconds(15)).Actions.OfType<StartMigration>());

        Assert.Equal("b-only", start.Vmi.Name);
    }

    [Fact]
    public void Decide_SourceDueSoonWithLessWorkThanTheReadyOne_DoesNotHoldTheSlot()
    {
        // n1 has nothing left after its first guest but one 2 GiB guest, and n2 twelve 8 GiB guests: n2 is the busy one.
        NodeSnapshot[] nodes = [Make.Node("n1", nic: Nic), Make.Node("n2", nic: Nic), Make.Node("n3", nic: Nic), Make.Node("n4", nic: Nic)];
        var vmis = new List<VmiSnapshot> { Make.Vmi("a-first", "n1", 32, dirtyRate: 0), Make.Vmi("a-last", "n1", 2, dirtyRate: 0) };
        for (var i = 0; i < 12; i++)
        {
            vmis.Add(Make.Vmi($"b-{i}", "n2", 8, dirtyRate: 0));
        }

        var policy = new DrainPolicy { MaxParallelMigrations = 2, MaxOutboundPerNode = 2 };
        var state = State(Make.Cluster(nodes, [.. vmis]), ["n1", "n2"], policy);
        var inFlight = DrainScheduler.Decide(
            State(Make.Cluster(nodes, [.. vmis]), ["n1"], policy with { MaxParallelMigrations = 1 }), T0).Actions.OfType<StartMigration>().Single();
        Assert.Equal("a-first", inFlight.Vmi.Name);

        var start = Assert.Single(DrainScheduler.Decide(state with { Attempts = [InFlight(inFlight, T0)] }, T0.AddSeconds(25)).Actions.OfType<StartMigration>());

        Assert.StartsWith("b-", start.Vmi.Name, StringComparison.Ordinal);
    }
}
