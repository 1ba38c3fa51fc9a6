using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// The engine may read the cluster between two watches' events: a VMIM already Succeeded while its VMI is still listed
/// on the source. The VM's memory is then on the target, though the target's requests do not show it yet; the next
/// choice of a target counts it there, so it does not take that node for the most free memory.
/// </summary>
public sealed class LandedMemoryTests
{
    [Theory]
    [InlineData("n1", "n3")] // still listed on its source: its memory counts on n2, so n3 has more free
    [InlineData("n2", "n3")] // listed on its target: the node's own requests count it
    public void Decide_AfterAMigrationSucceeded_CountsItsMemoryOnItsTarget(string listedOn, string expected)
    {
        var nodes = new[] { Make.Node("n1"), Make.Node("n2"), Make.Node("n3") };
        var drained = State(Make.Cluster(nodes, [Make.Vmi("landed", "n1", 16), Make.Vmi("next", "n1", 4)]), ["n1"]);
        var landed = drained.Plan.Items.Single(v => v.Vmi.Name == "landed").Vmi;
        var requested = listedOn == "n2" ? 16 : 0;
        var cluster = Make.Cluster(
            [Make.Node("n1"), Make.Node("n2", requestedGiB: requested), Make.Node("n3")],
            [Make.Vmi("landed", listedOn, 16), Make.Vmi("next", "n1", 4)]);
        var attempt = new MigrationAttempt(landed.Uid, 1, AttemptKind.Migration, "vmim-landed", "n1", "n2", false, AttemptStatus.Succeeded, T0,
            T0.AddSeconds(30));

        var start = Assert.Single(DrainScheduler.Decide(drained with { Cluster = cluster, Attempts = [attempt] }, T0.AddSeconds(31)).Actions
            .OfType<StartMigration>());

        Assert.Equal("next", start.Vmi.Name);
        Assert.Equal(expected, start.TargetNode);
    }
}
