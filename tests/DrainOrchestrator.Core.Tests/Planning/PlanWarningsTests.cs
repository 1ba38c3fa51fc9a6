using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

public sealed class PlanWarningsTests
{
    private static readonly NodeSnapshot[] Nodes = [Make.Node("n1"), Make.Node("n2"), Make.Node("n3")];

    private static readonly VmiSnapshot[] Vmis = [Make.Vmi("a", "n1"), Make.Vmi("b", "n3")];

    private static DrainPlan Plan(IReadOnlyList<InvalidHint> hints, DrainPolicy? policy = null) =>
        DrainPlanner.Plan(Make.Cluster(Nodes, Vmis) with { InvalidHints = hints }, ["n1"], policy ?? new DrainPolicy());

    [Fact]
    public void Plan_NoInvalidHints_NoWarnings() => Assert.Empty(Plan([]).Warnings);

    [Fact]
    public void Plan_InvalidBandwidthOfAnyNode_WarnedWithTheAssumedBandwidth()
    {
        var plan = Plan([
            new InvalidHint(HintKind.NicBandwidth, "n3", null, "node n3: bad"),
            new InvalidHint(HintKind.NicBandwidth, "n1", null, "node n1: bad"),
        ]);

        // n3 is no source, but a target: its NIC ranks it.
        Assert.Equal(["node n1: bad; assuming 10 Gbit/s", "node n3: bad; assuming 10 Gbit/s"], plan.Warnings);
    }

    [Fact]
    public void Plan_InvalidDirtyRate_WarnedOnlyForVmisOfTheDrainedNodes()
    {
        var plan = Plan([
            new InvalidHint(HintKind.DirtyRate, "n1", "uid-a", "vmi default/a: bad"),
            new InvalidHint(HintKind.DirtyRate, "n3", "uid-b", "vmi default/b: bad"),
        ]);

        Assert.Equal(["vmi default/a: bad; assuming 10 MB/s"], plan.Warnings);
    }

    [Fact]
    public void Plan_OtherCostModel_WarningsNameItsAssumptions()
    {
        var policy = new DrainPolicy
        {
            CostModel = new CostModelOptions { AssumedNicBandwidthBytesPerSecond = 3_125_000_000, AssumedDirtyRateBytesPerSecond = 2_500_000 },
        };

        var plan = Plan([
            new InvalidHint(HintKind.DirtyRate, "n1", "uid-a", "vmi default/a: bad"),
            new InvalidHint(HintKind.NicBandwidth, "n1", null, "node n1: bad"),
        ], policy);

        Assert.Equal(["node n1: bad; assuming 25 Gbit/s", "vmi default/a: bad; assuming 2.5 MB/s"], plan.Warnings);
    }

    [Fact]
    public void Plan_InvalidHints_DoNotBlockOrChangeThePlan()
    {
        var warned = Plan([new InvalidHint(HintKind.NicBandwidth, "n1", null, "node n1: bad")]);
        var plain = Plan([]);

        Assert.False(warned.IsBlocked);
        Assert.Equal(plain.Items.Select(i => (i.Vmi.Name, i.Disposition, i.Estimate)), warned.Items.Select(i => (i.Vmi.Name, i.Disposition, i.Estimate)));
    }
}
