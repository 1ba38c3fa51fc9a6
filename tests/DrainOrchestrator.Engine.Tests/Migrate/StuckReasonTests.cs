using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Tests.MoveBack;
using DrainOrchestrator.Engine.Tests.Workflow;

namespace DrainOrchestrator.Engine.Tests.Migrate;

/// <summary>What a drain stuck on VMs no node can take says about them (the runner's failure reason).</summary>
public sealed class StuckReasonTests
{
    [Fact]
    public async Task StuckReason_ReturnsWhoseOriginWasCordonedOrRemoved_SaysWhatKeepsEachOut()
    {
        var cluster = new FakeCluster().AddNode("home").AddNode("gone").AddNode("spare").AddVmi("a", "spare").AddVmi("b", "spare");
        var plan = ReturnPlanner.Plan(SnapshotMapper.Map(cluster.Current),
            [new VmReturn(ReturnVerifyTests.Uid(cluster, "a"), "vms", "a", "home", "spare"), new VmReturn(ReturnVerifyTests.Uid(cluster, "b"), "vms", "b", "gone", "spare")],
            DrainHarness.FastPolicy());
        cluster.RemoveNode("gone");
        await cluster.SetUnschedulableAsync("home", true, CancellationToken.None);

        var reason = StuckReason.Describe([.. plan.Items.OrderBy(i => i.Vmi.Name, StringComparer.Ordinal)], SnapshotMapper.Map(cluster.Current));

        Assert.Equal("vms/a (it may only go to home, which is cordoned), vms/b (it may only go to gone, which no longer exists)", reason);
    }

}
