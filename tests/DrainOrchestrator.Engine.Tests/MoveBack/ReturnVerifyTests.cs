using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.MoveBack;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Tests.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Engine.Tests.MoveBack;

/// <summary>
/// A move-back's verify: a return still where the drain put it fails the move-back; a VM someone else moved elsewhere or
/// deleted while the move-back ran is left where it is, named, and does not.
/// </summary>
public sealed class ReturnVerifyTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task RunAsync_OneHomeOneMovedElsewhereOneDeletedOneStillAway_OnlyTheLastFails()
    {
        var cluster = new FakeCluster().AddNode("home").AddNode("spare").AddNode("third")
            .AddVmi("a", "spare").AddVmi("b", "spare").AddVmi("c", "spare").AddVmi("d", "spare");
        var returns = new[] { "a", "b", "c", "d" }.Select(n => new VmReturn(Uid(cluster, n), "vms", n, "home", "spare")).ToList();
        var plan = ReturnPlanner.Plan(SnapshotMapper.Map(cluster.Current), returns, DrainHarness.FastPolicy());
        Assert.All(plan.Items, i => Assert.Equal(PlanDisposition.Migrate, i.Disposition));

        // a came home; someone moved b to a third node; c was deleted; d is still where the drain put it.
        cluster.EditVmi("a", v => v.Status!.NodeName = "home");
        cluster.EditVmi("b", v => v.Status!.NodeName = "third");
        Assert.True(await cluster.DeleteVmiAsync("vms", "c", Uid(cluster, "c"), CancellationToken.None));
        var verify = new ReturnVerify(cluster, _clock, TimeSpan.Zero, NullLogger.Instance).RunAsync(plan, CancellationToken.None);

        var check = await verify.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["vms/d is on spare, not back on home"], check.NotHome);
        Assert.Equal(["vms/b runs on third: someone moved it since", "vms/c no longer exists"], check.MovedSince.Order(StringComparer.Ordinal));
    }

    internal static string Uid(FakeCluster cluster, string name) => cluster.Current.Vmis.Single(v => v.Metadata.Name == name).Metadata.Uid!;
}
