using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// VMIM creates the API server fails are the infrastructure's: the attempt stays intended and the same name is created
/// again, so no VM is charged an attempt (with one attempt allowed, a charge would give it up) and none is created twice,
/// whether the failed create had been committed or not.
/// </summary>
public sealed class DeferredCreateTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_CreatesAnswered500_RetriedUnderTheSameNameWithoutChargingAnAttempt(bool committed)
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 4; i++)
        {
            cluster.AddVmi($"e{i}", "w1");
        }

        cluster.FailingCreates = 6;
        cluster.CommitFailedCreates = committed;
        var harness = new DrainHarness(database.DataSource, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with { ApiRetryDelay = TimeSpan.FromMilliseconds(20), ApiRetryMaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        var policy = DrainHarness.FastPolicy();
        var id = await harness.LaunchAsync(policy with { Failure = policy.Failure with { MaxAttempts = 1 } }, "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Succeeded, result.State);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.Equal(4, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        var deferred = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<AttemptCreateDeferred>(id, CancellationToken.None);
        // Every failed create is journaled; a committed one then shows in the cluster and is observed, not created again.
        Assert.Equal(6 - cluster.FailingCreates, deferred.Count);
        Assert.True(committed ? deferred.Count == 4 : deferred.Count == 6, $"{deferred.Count} deferred");
    }

    // PassLog.Began.
    private const int PassBegan = 3050;

    [Fact]
    public async Task RunAsync_PausedWithACreateDeferred_NotCreatedUntilResumed()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("e0", "w1");
        cluster.FailingCreates = 1;
        var logger = new RecordingLogger();
        var harness = new DrainHarness(database.DataSource, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with { ApiRetryDelay = TimeSpan.FromMilliseconds(20), ApiRetryMaxDelay = TimeSpan.FromMilliseconds(100) },
            Logger = logger,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var states = new DrainStateStore(database.DataSource, TimeProvider.System);
        var signals = Signals();
        var tries = 0;
        // The operator pauses the drain while its first create is on the wire; the API server fails that create.
        cluster.BeforeCreate = async (_, _) =>
        {
            if (++tries == 1)
            {
                Assert.True((await signals.SendAsync(id, DrainSignal.Pause, "operator", CancellationToken.None)).Accepted);
            }
        };
        var (pausedSteps, resumed, passesAtFirstStep) = (0, false, 0);
        var pausedFor = new System.Diagnostics.Stopwatch();

        var result = await harness.RunAsync(id, betweenSteps: async () =>
        {
            // Many times the retry's backoff: a paused drain creates nothing, not even a create it had deferred.
            if (!resumed && tries > 0 && ++pausedSteps == 1)
            {
                passesAtFirstStep = logger.Count(PassBegan);
                pausedFor.Start();
            }

            if (!resumed && pausedSteps == 100)
            {
                Assert.Equal(1, tries);
                Assert.Empty(cluster.CreatesByName);
                // A pass per cluster step (each may wake it) and per heartbeat (200 ms) at most, with room: not one pass
                // after another for the backoff (several hundred in that time before).
                var bound = 99 + (int)(pausedFor.Elapsed.TotalSeconds * 5) + 20;
                Assert.InRange(logger.Count(PassBegan) - passesAtFirstStep, 0, bound);
                resumed = (await signals.SendAsync(id, DrainSignal.Resume, "operator", CancellationToken.None)).Accepted;
            }
        });

        Assert.True(resumed);
        Assert.Equal(DrainRunState.Succeeded, result.State);
        Assert.Equal(1, Assert.Single(cluster.CreatesByName).Value);
    }

    // An operator's signals, as drainctl and the server send them.
    private SignalStore Signals() =>
        new(database.DataSource, new DrainStateStore(database.DataSource, TimeProvider.System), new JournalStore(database.DataSource, TimeProvider.System));
}
