using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;
using Xunit.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// PostgreSQL restarted under a running drain: a private server of this class is stopped and started again on the same
/// port. Every wait is for an event (a log entry, a create, the lease's expiry on the engine's clock), never a guess.
/// </summary>
public sealed class DatabaseOutageTests(RestartablePostgresServer postgres, ITestOutputHelper output) : IClassFixture<RestartablePostgresServer>
{
    private const int Unavailable = 3030;
    private const int Available = 3032;
    private const int GaveUp = 3033;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static FakeCluster Cluster()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 8; i++)
        {
            cluster.AddVmi($"a{i}", "w1");
        }

        return cluster;
    }

    private static DrainEngineOptions Options(string holder, TimeSpan leaseDuration, TimeSpan? outageTimeout = null) =>
        DrainHarness.Options(holder) with
        {
            LeaseDuration = leaseDuration,
            DatabaseRetryDelay = TimeSpan.FromMilliseconds(100),
            DatabaseRetryMaxDelay = TimeSpan.FromMilliseconds(500),
            DatabaseOutageTimeout = outageTimeout ?? TimeSpan.FromMinutes(2),
        };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_PostgresRestartedMidMigrate_WaitsReconnectsAndCompletes(bool outlastLease)
    {
        await postgres.StartAsync(CancellationToken.None);
        var cluster = Cluster();
        var logger = new RecordingLogger();
        var lease = outlastLease ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(60);
        var harness = new DrainHarness(postgres.DataSource, cluster)
        {
            OptionsFor = holder => Options(holder, lease),
            Logger = logger,
            RunTimeout = Patience * 2,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var restarted = false;

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (restarted || cluster.CreateCount < 3)
            {
                return;
            }

            restarted = true;
            using var patience = new CancellationTokenSource(Patience);
            await postgres.StopAsync(patience.Token);
            var stoppedAt = TimeProvider.System.GetUtcNow();
            await logger.WhenLoggedAsync(Unavailable, patience.Token);
            if (outlastLease)
            {
                // No renewal can have committed after the stop, so the lease has expired once this passes.
                await UntilAsync(() => TimeProvider.System.GetUtcNow() > stoppedAt + lease + TimeSpan.FromMilliseconds(200), patience.Token);
            }

            await postgres.StartAsync(patience.Token);
        });

        Dump(logger);
        Assert.True(result.Succeeded, result.Reason);
        Assert.True(restarted);
        Assert.Empty(cluster.VmisOn("w1"));
        await AssertNothingLostAsync(id, cluster);
        var reconnected = Assert.Single(await Journal().ReadAsync<DatabaseReconnected>(id, CancellationToken.None));
        Assert.Equal(outlastLease ? LeaseConfirmation.Retaken : LeaseConfirmation.Held, reconnected.Lease);
        Assert.Equal(1, logger.Count(Unavailable));
        Assert.Equal(1, logger.Count(Available));
    }

    [Fact]
    public async Task RunAsync_PostgresStoppedBetweenCreateAndItsRecord_AdoptsTheVmimOnReconnect()
    {
        await postgres.StartAsync(CancellationToken.None);
        var cluster = Cluster();
        var logger = new RecordingLogger();
        var harness = new DrainHarness(postgres.DataSource, cluster)
        {
            OptionsFor = holder => Options(holder, TimeSpan.FromSeconds(60)),
            Logger = logger,
            RunTimeout = Patience * 2,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        string? cut = null;
        cluster.AfterCreate = async name =>
        {
            if (cut is null && cluster.CreateCount == 3)
            {
                cut = name;
                await postgres.StopAsync(CancellationToken.None);
            }
        };

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (cut is not null && !postgres.IsRunning)
            {
                using var patience = new CancellationTokenSource(Patience);
                await logger.WhenLoggedAsync(Unavailable, patience.Token);
                await postgres.StartAsync(patience.Token);
            }
        });

        Dump(logger);
        Assert.True(result.Succeeded, result.Reason);
        Assert.NotNull(cut);
        var attempts = await AssertNothingLostAsync(id, cluster);
        var adopted = Assert.Single(attempts, a => a.VmimName == cut);
        Assert.Equal(AttemptOutcome.Succeeded, adopted.Outcome);
        Assert.Single(attempts, a => a.VmiUid == adopted.VmiUid);
        Assert.Equal(1, logger.Count(Unavailable));
    }

    [Fact]
    public async Task RunAsync_PostgresDownAsTheRunBegins_WaitsForItAndCompletes()
    {
        await postgres.StartAsync(CancellationToken.None);
        var cluster = Cluster();
        var harness = new DrainHarness(postgres.DataSource, cluster)
        {
            OptionsFor = holder => Options(holder, TimeSpan.FromSeconds(2)),
            RunTimeout = Patience * 2,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        await postgres.StopAsync(CancellationToken.None);

        var run = harness.RunAsync(id, "engine-a");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await postgres.StartAsync(CancellationToken.None);
        var result = await run;

        Assert.True(result.Succeeded, result.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        await AssertNothingLostAsync(id, cluster);
    }

    [Fact]
    public async Task RunAsync_PostgresDownAsTheRunBeginsLongerThanTheTimeout_InterruptedNothingDone()
    {
        await postgres.StartAsync(CancellationToken.None);
        var cluster = Cluster();
        var harness = new DrainHarness(postgres.DataSource, cluster)
        {
            OptionsFor = holder => Options(holder, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)),
            RunTimeout = Patience,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        await postgres.StopAsync(CancellationToken.None);
        try
        {
            var result = await harness.RunAsync(id, "engine-a");

            Assert.Equal(DrainRunState.Interrupted, result.State);
            Assert.Contains("as the run began", result.Reason, StringComparison.Ordinal);
            Assert.Equal(0, cluster.CreateCount);
        }
        finally
        {
            await postgres.StartAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task RunAsync_OutageLongerThanTimeout_StopsIntactAndNextRunCompletes()
    {
        await postgres.StartAsync(CancellationToken.None);
        var cluster = Cluster();
        var logger = new RecordingLogger();
        var outageTimeout = TimeSpan.FromSeconds(3);
        var harness = new DrainHarness(postgres.DataSource, cluster)
        {
            OptionsFor = holder => Options(holder, TimeSpan.FromSeconds(2), outageTimeout),
            Logger = logger,
            RunTimeout = Patience * 2,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        string? cut = null;
        cluster.AfterCreate = async name =>
        {
            if (cut is null && cluster.CreateCount == 3)
            {
                cut = name;
                await postgres.StopAsync(CancellationToken.None);
            }
        };

        var first = await harness.RunAsync(id, "engine-a");
        await postgres.StartAsync(CancellationToken.None);
        var second = await harness.RunAsync(id, "engine-b");

        Dump(logger);
        Assert.Equal(DrainRunState.Interrupted, first.State);
        Assert.Contains("intact", first.Reason, StringComparison.Ordinal);
        Assert.Contains("Run the same command again", first.Reason, StringComparison.Ordinal);
        Assert.Equal(1, logger.Count(Unavailable));
        Assert.Equal(1, logger.Count(GaveUp));
        Assert.Equal(0, logger.Count(Available));
        Assert.True(second.Succeeded, second.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        var attempts = await AssertNothingLostAsync(id, cluster);
        Assert.Equal(AttemptOutcome.Succeeded, Assert.Single(attempts, a => a.VmimName == cut).Outcome);
        var journal = await Journal().ReadAsync(id, CancellationToken.None);
        Assert.Contains(journal, e => e.Actor == "engine-b" && e.ReadEvent() is DrainSucceeded);
    }

    [Fact]
    public async Task RunAsync_PostgresStoppedWhileFinishing_RunsTheStepsAgainAndSucceedsOnce()
    {
        await postgres.StartAsync(CancellationToken.None);
        var cluster = Cluster();
        var logger = new RecordingLogger();
        var harness = new DrainHarness(postgres.DataSource, cluster)
        {
            OptionsFor = holder => Options(holder, TimeSpan.FromSeconds(60)),
            Logger = logger,
            RunTimeout = Patience * 2,
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var stopped = false;
        cluster.AfterNodeLeaseReleased = async _ =>
        {
            if (!stopped)
            {
                stopped = true;
                await postgres.StopAsync(CancellationToken.None);
            }
        };

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (stopped && !postgres.IsRunning)
            {
                using var patience = new CancellationTokenSource(Patience);
                await logger.WhenLoggedAsync(Unavailable, patience.Token);
                await postgres.StartAsync(patience.Token);
            }
        });

        Dump(logger);
        Assert.True(result.Succeeded, result.Reason);
        Assert.True(stopped);
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.Empty(cluster.Leases);
        Assert.True(cluster.IsUnschedulable("w1"));
        await AssertNothingLostAsync(id, cluster);
        Assert.Single(await Journal().ReadAsync<DrainSucceeded>(id, CancellationToken.None));
        Assert.Single(await Journal().ReadAsync<DatabaseReconnected>(id, CancellationToken.None));
        var node = (await new DrainStore(postgres.DataSource, TimeProvider.System).FindAsync(id.ToString(), CancellationToken.None))!.Nodes.Single();
        Assert.Equal((8, 8, 0), (node.VmisTotal!.Value, node.VmisMigrated, node.VmisFailed));
    }

    // One attempt record per VMIM, no VMIM created twice, every VMIM's intent journaled, every attempt concluded.
    private async Task<IReadOnlyList<AttemptRecord>> AssertNothingLostAsync(Guid id, FakeCluster cluster)
    {
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        var attempts = await new AttemptStore(postgres.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.All(attempts, a => Assert.True(a.IsFinal, $"{a.VmimName} is {a.Outcome}"));
        Assert.Equal(cluster.CreatesByName.Keys.Order(StringComparer.Ordinal),
            attempts.Where(a => a.Outcome != AttemptOutcome.NotCreated).Select(a => a.VmimName).Order(StringComparer.Ordinal));
        var intended = (await Journal().ReadAsync<AttemptIntended>(id, CancellationToken.None)).Select(e => e.Vmim).ToHashSet();
        Assert.All(cluster.CreatesByName.Keys, name => Assert.Contains(name, intended));
        var state = await new DrainStore(postgres.DataSource, TimeProvider.System).FindAsync(id.ToString(), CancellationToken.None);
        Assert.Equal(DrainState.Succeeded, state!.State);
        return attempts;
    }

    private void Dump(RecordingLogger logger)
    {
        foreach (var entry in logger.Entries)
        {
            output.WriteLine($"{entry.EventId} {entry.Level}: {entry.Message}");
        }
    }

    private JournalStore Journal() => new(postgres.DataSource, TimeProvider.System);

    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }
    }
}
