using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class StaleViewTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Guards hangs only: every wait below is for an event.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static FakeCluster Cluster()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 8; i++)
        {
            cluster.AddVmi($"a{i}", "w1");
        }

        return cluster;
    }

    private DrainRunner Runner(FakeCluster cluster, StaleView view, DrainEngineOptions? options = null) =>
        new(database.DataSource, view, cluster, options ?? DrainHarness.Options("engine-a"), TimeProvider.System, new RecordingLogger());

    private async Task<IReadOnlyList<TEvent>> JournalAsync<TEvent>(Guid id)
        where TEvent : JournalEvent => await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<TEvent>(id, CancellationToken.None);

    [Fact]
    public async Task RunAsync_ViewStaleBeyondTheBoundMidDrain_CreatesNothingWhileStaleJournalsOnceThenResumesAndSucceeds()
    {
        var cluster = Cluster();
        var view = new StaleView(cluster);
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        using var deadline = new CancellationTokenSource(Deadline);
        var run = Runner(cluster, view).RunAsync(id, null, deadline.Token);
        var createsWhenStale = -1;
        var stepsWhileStale = 0;

        var result = await harness.DriveAsync(run, async () =>
        {
            if (createsWhenStale < 0 && cluster.CreateCount >= 2)
            {
                // Failing for a minute already: beyond the 30 s bound at the next pass.
                view.Fail(TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(1));
                await WaitForAsync(() => JournalAsync<DrainViewStale>(id), deadline.Token);
                createsWhenStale = cluster.CreateCount;
            }
            else if (createsWhenStale >= 0 && ++stepsWhileStale == 100)
            {
                // A hundred steps (about a second, several passes) with nothing new started: let the view recover.
                Assert.Equal(createsWhenStale, cluster.CreateCount);
                view.Recover();
            }
        }, deadline.Token);

        Assert.True(result.Succeeded, result.Reason);
        Assert.True(stepsWhileStale >= 100, "the view never went stale");
        var stale = Assert.Single(await JournalAsync<DrainViewStale>(id));
        Assert.Contains("403", stale.Reason, StringComparison.Ordinal);
        Assert.Single(await JournalAsync<DrainViewRecovered>(id));
        Assert.Empty(cluster.VmisOn("w1"));
    }

    [Fact]
    public async Task RunAsync_ViewStaleBeyondTheTimeout_StopsInterruptedWithoutCordoning()
    {
        var cluster = Cluster();
        var view = new StaleView(cluster);
        view.Fail(TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(20));
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        using var deadline = new CancellationTokenSource(Deadline);

        var result = await harness.DriveAsync(Runner(cluster, view).RunAsync(id, null, deadline.Token), null, deadline.Token);

        Assert.Equal(DrainRunState.Interrupted, result.State);
        Assert.Contains("view-stale timeout", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, cluster.CreateCount);
        Assert.False(cluster.Current.FindNode("w1")!.Spec!.Unschedulable ?? false);
    }

    private static async Task WaitForAsync<T>(Func<Task<IReadOnlyList<T>>> read, CancellationToken cancellationToken)
    {
        while ((await read()).Count == 0)
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
