using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>Live progress tells failed attempts that will be retried from VMs given up on.</summary>
public sealed class ProgressTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster(Dictionary<string, string> hotLabels) => new FakeCluster()
        .AddNode("w1").AddNode("w2").AddNode("w3")
        .AddVmi("a0", "w1").AddVmi("a1", "w1")
        .AddVmi("hot", "w1", labels: hotLabels)
        .AnnotateVmi("hot", HintAnnotations.DirtyRate, "1Mi"); // known (wrongly low): not guarded, so its pre-copy fails

    [Fact]
    public async Task RunAsync_FailedAttemptRetried_ShownAsRetryingThenMovedNeverGivenUp()
    {
        var cluster = Cluster(new() { [FakeCluster.NonConvergingLabel] = "yes" });
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var progress = new RecordingProgress();

        var result = await harness.RunAsync(id, progress: progress);

        Assert.True(result.Succeeded, result.Reason);
        var w1 = progress.Of("w1");
        // The pass that observes the pre-copy failure reports it before the post-copy retry moves the VM.
        Assert.Contains(w1, n => n is { FailedAttempts: 1, Retrying: 1, GivenUp: 0 });
        Assert.Equal((3, 3, 0, 0, 1, 0, 0), (w1[^1].Total, w1[^1].Moved, w1[^1].Remaining, w1[^1].InFlight,
            w1[^1].FailedAttempts, w1[^1].Retrying, w1[^1].GivenUp));
        Assert.All(w1, n => Assert.Equal(0, n.GivenUp));
    }

    [Fact]
    public async Task RunAsync_InformerStillShowsMovedVmisOnTheNode_CountsThemMovedFromTheirVerifiedSuccess()
    {
        // The VMI informer lags the VMIMs' for the whole run: every migration is seen Succeeded while its VMI still
        // shows on w1. The loop ends on those verified outcomes, and its last counts must say so.
        var cluster = Cluster([]);
        var view = new LaggingView(cluster);
        view.Freeze();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var progress = new RecordingProgress();
        var runner = new DrainRunner(database.DataSource, view, cluster, DrainHarness.Options("engine-a"), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DrainRunner>.Instance);
        using var timeout = new CancellationTokenSource(harness.RunTimeout);

        var result = await harness.DriveAsync(runner.RunAsync(id, progress, timeout.Token), null, timeout.Token);

        Assert.True(result.Succeeded, result.Reason);
        var last = progress.Of("w1")[^1];
        Assert.Equal((3, 3, 0), (last.Total, last.Moved, last.Remaining));
        var node = (await new DrainStore(database.DataSource, TimeProvider.System).FindAsync(id.ToString(), CancellationToken.None))!.Nodes.Single();
        Assert.Equal((3, 0), (node.VmisMigrated, node.VmisFailed));
    }

    [Fact]
    public async Task RunAsync_VmGivenUp_ShownAsGivenUpWithItsFailedAttemptsNotRetrying()
    {
        var cluster = Cluster(new()
        {
            [FakeCluster.NonConvergingLabel] = "yes",
            [Core.Failures.FailurePolicy.DefaultPostCopyForbiddenLabel] = "true",
        });
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var progress = new RecordingProgress();

        var result = await harness.RunAsync(id, progress: progress);

        Assert.Equal(DrainRunState.Failed, result.State);
        var failed = (await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None))
            .Count(a => a.VmiName == "hot" && a.Outcome != AttemptOutcome.Succeeded);
        var last = progress.Of("w1")[^1];
        Assert.Equal((2, 0, failed, 0, 1), (last.Moved, last.Remaining, last.FailedAttempts, last.Retrying, last.GivenUp));
        Assert.True(failed >= 1);
        var node = (await new DrainStore(database.DataSource, TimeProvider.System).FindAsync(id.ToString(), CancellationToken.None))!.Nodes.Single();
        Assert.Equal(1, node.VmisFailed);
    }
}
