using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// Verify against a VMI cache that lags behind the API server (a dropped watch): the cache never has the last word on
/// a VMI that did not move; the API server does, and a hand-over under way is waited for, up to the settle timeout.
/// </summary>
public sealed class VerifyStepTests
{
    private static readonly string[] Drained = ["w1"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    // Only keeps a broken wait from hanging the suite; no test depends on how long anything takes.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new();

    private static DrainPlan Plan(FakeCluster cluster, string nonMigratable = "skip") =>
        DrainPlanner.Plan(SnapshotMapper.Map(cluster.Current), Drained, DrainHarness.FastPolicy(nonMigratable));

    private Task<IReadOnlyList<string>> VerifyAsync(IClusterView view, DrainPlan plan) =>
        new VerifyStep(view, _clock, Settle, NullLogger.Instance).RunAsync(plan, Drained, CancellationToken.None);

    // The way the fake cluster migrates: a VMIM to w2, started at one step, finished at the next.
    private static async Task MigrateAsync(FakeCluster cluster, string vmi)
    {
        await cluster.CreateOnceMigrationAsync(new VirtualMachineInstanceMigration
        {
            Metadata = new ObjectMeta { Name = "move-" + vmi, Namespace = "vms" },
            Spec = new VirtualMachineInstanceMigrationSpec { VmiName = vmi, AddedNodeSelector = new() { ["kubernetes.io/hostname"] = "w2" } },
        }, TimeSpan.FromSeconds(5), CancellationToken.None);
        cluster.Step();
        cluster.Step();
    }

    private static void HandingOverToW2(VirtualMachineInstance vmi) =>
        vmi.Status!.MigrationState = new VirtualMachineInstanceMigrationState { SourceNode = "w1", TargetNode = "w2", Completed = true };

    [Fact]
    public async Task RunAsync_EveryVmiGoneInTheCache_PassesWithoutAskingTheServer()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1");
        var plan = Plan(cluster);
        await MigrateAsync(cluster, "a");

        Assert.Empty(await VerifyAsync(new LaggingView(cluster), plan));
        Assert.Equal(0, cluster.VmiReads);
    }

    [Fact]
    public async Task RunAsync_ABlockedVmiStillOnTheNode_NamedWhileASkippedOneIsNot()
    {
        // A plan made again after a restart may block a VM (it lost its room meanwhile): the migrations pass it by, and
        // verify must not pass the drain with it still there. A VM the policy skips stays, as it should.
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("stuck", "w1", migratable: false).AddVmi("a", "w1");
        var blocked = Plan(cluster, "block");
        var skipped = Plan(cluster, "skip");
        Assert.Contains(blocked.Items, i => i.Vmi.Name == "stuck" && i.Disposition == PlanDisposition.Block);
        await MigrateAsync(cluster, "a");

        Assert.Equal(["vms/stuck on w1"], await VerifyAsync(new LaggingView(cluster), blocked));
        Assert.Empty(await VerifyAsync(new LaggingView(cluster), skipped));
    }

    [Fact]
    public async Task RunAsync_CacheStillShowsAMigratedVmiOnTheNode_ServerSaysItMoved_Passes()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1").AddVmi("b", "w1");
        var plan = Plan(cluster);
        var view = new LaggingView(cluster);
        view.Freeze();
        await MigrateAsync(cluster, "a");
        await MigrateAsync(cluster, "b");
        Assert.All(plan.Items, i => Assert.NotNull(VerifyCheck.Problem(view.Current, plan, i, Drained)));

        Assert.Empty(await VerifyAsync(view, plan));
        Assert.Equal(2, cluster.VmiReads);
    }

    [Fact]
    public async Task RunAsync_ServerConfirmsTheVmiOnTheNode_ReportedWithoutWaiting()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1")
            .AddVmi("hot", "w1", labels: new() { [FakeCluster.NonConvergingLabel] = "yes" });
        var plan = Plan(cluster);
        var view = new LaggingView(cluster);
        view.Freeze();
        await MigrateAsync(cluster, "a");
        await MigrateAsync(cluster, "hot");

        // The clock never moves: a verdict that waited for it would never complete.
        var run = VerifyAsync(view, plan);

        Assert.True(run.IsCompletedSuccessfully);
        Assert.Equal(["vms/hot on w1"], await run);
    }

    [Fact]
    public async Task RunAsync_ServerShowsAHandOverUnderWay_WaitsForTheViewToCatchUpThenPasses()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1");
        var plan = Plan(cluster);
        var view = new LaggingView(cluster);
        view.Freeze();
        cluster.EditVmi("a", HandingOverToW2);

        var run = VerifyAsync(view, plan);
        Assert.False(run.IsCompleted);
        cluster.EditVmi("a", v => v.Status!.NodeName = "w2");
        view.CatchUp();

        Assert.Empty(await run.WaitAsync(HangGuard));
        Assert.Equal(1, cluster.VmiReads);
    }

    [Fact]
    public async Task RunAsync_HandOverNeverCompletes_ReportedOnceTheSettleTimeoutPassed()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1");
        var plan = Plan(cluster);
        cluster.EditVmi("a", HandingOverToW2);

        var run = VerifyAsync(new LaggingView(cluster), plan);
        _clock.Advance(Settle - TimeSpan.FromSeconds(1));
        Assert.False(run.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var problem = Assert.Single(await run.WaitAsync(HangGuard));
        Assert.StartsWith("vms/a on w1 (its migration completed but it was not handed over", problem, StringComparison.Ordinal);
        Assert.Equal(2, cluster.VmiReads);
    }

    [Fact]
    public async Task RunAsync_CacheStillShowsTheOldVmiOfARestart_ServerSaysItRunsElsewhere_Passes()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVm("legacy", "w1");
        var plan = Plan(cluster, "shutdown");
        Assert.Equal(PlanDisposition.Restart, plan.Items.Single().Disposition);
        var view = new LaggingView(cluster);
        view.Freeze();
        await cluster.SetUnschedulableAsync("w1", true, CancellationToken.None);
        await cluster.DeleteVmiAsync("vms", "legacy", "uid-legacy", CancellationToken.None);
        cluster.Step();
        cluster.Step();

        Assert.Empty(await VerifyAsync(view, plan));
        Assert.Equal(1, cluster.VmiReads);
    }

    [Fact]
    public async Task RunAsync_ServerShowsARestartedVmBackOnTheNode_Reported()
    {
        var cluster = new FakeCluster { StartOn = "w1" }.AddNode("w1").AddNode("w2").AddVm("legacy", "w1");
        var plan = Plan(cluster, "shutdown");
        var view = new LaggingView(cluster);
        view.Freeze();
        await cluster.DeleteVmiAsync("vms", "legacy", "uid-legacy", CancellationToken.None);
        cluster.Step();
        cluster.Step();

        Assert.Equal(["vms/legacy started again on w1"], await VerifyAsync(view, plan));
    }
}
