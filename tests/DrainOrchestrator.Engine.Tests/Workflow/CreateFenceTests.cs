using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// The VMIM create's fence (Engine/Migrate/CreateFence.cs): a create has a hard deadline, and a new owner decides an
/// intent it recovers only once no earlier create can land, from the API server itself.
/// </summary>
public sealed class CreateFenceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 4; i++)
        {
            cluster.AddVmi($"a{i}", "w1");
        }

        return cluster;
    }

    [Fact]
    public async Task RunAsync_OldOwnersCreateLandsAfterTheTakeOver_NewOwnerAdoptsItAndStartsNoSecondMigration()
    {
        var cluster = Cluster();
        VirtualMachineInstanceMigration? late = null;
        cluster.BeforeCreate = (migration, cancellationToken) =>
        {
            if (late is not null)
            {
                return Task.CompletedTask;
            }

            // The first owner's request is on its way when the owner dies; the API server commits it a moment later,
            // within the server-side bound of the create (its timeout), after the next owner took over.
            late = migration;
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), CancellationToken.None);
                cluster.Land(migration);
            }, CancellationToken.None);
            throw new SimulatedCrashException();
        };
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(id, "engine-a"));
        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        var first = Assert.Single(attempts, a => a.VmimName == late!.Metadata.Name);
        Assert.Equal(AttemptOutcome.Succeeded, first.Outcome);
        // One migration per VMI: no attempt 2 beside the late one.
        Assert.Equal(4, attempts.Count);
        Assert.Equal(4, cluster.CreatesByName.Count);
    }

    [Fact]
    public async Task RunAsync_OldOwnersCreateLandsAfterItsIntentWasRecordedNotCreated_RecordReopenedAndFollowed()
    {
        var cluster = Cluster();
        VirtualMachineInstanceMigration? late = null;
        cluster.BeforeCreate = (migration, cancellationToken) =>
        {
            if (late is not null)
            {
                return Task.CompletedTask;
            }

            // The first owner's request leaves, the owner is paused past the fence's bound; the next owner records the
            // intent not_created, and the request lands only as the retry reads the API server.
            late = migration;
            throw new SimulatedCrashException();
        };
        cluster.BeforeFreshList = () =>
        {
            if (late is not null && cluster.Current.Migrations.All(m => m.Metadata.Name != late.Metadata.Name))
            {
                cluster.Land(late);
            }
        };
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(id, "engine-a"));
        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        var first = Assert.Single(attempts, a => a.VmimName == late!.Metadata.Name);
        Assert.Equal(AttemptOutcome.Succeeded, first.Outcome);
        var journal = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None);
        Assert.Equal(late!.Metadata.Name, Assert.Single(journal.Select(e => e.ReadEvent()).OfType<AttemptReopened>()).Vmim);
        // No second migration of that VMI was created beside the late one.
        Assert.DoesNotContain(attempts, a => a.VmiUid == first.VmiUid && a.Attempt > 1 && a.Outcome == AttemptOutcome.Succeeded);
    }

    [Fact]
    public async Task RunAsync_OwnVmimDeletedBeforeTheViewEverShowedIt_ReadFromTheServerAbortedExternallyAndRetried()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3").AddVmi("a0", "w1").AddVmi("a1", "w1");
        string? deleted = null;
        cluster.AfterCreate = async name =>
        {
            // Someone deletes the first VMIM at once; the informer, lagging, never shows it (HidingView).
            if (deleted is null)
            {
                deleted = name;
                await cluster.DeleteMigrationAsync("vms", name, CancellationToken.None);
            }
        };
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var runner = new DrainRunner(database.DataSource, new HidingView(cluster, m => m.Metadata.Name == deleted), cluster,
            DrainHarness.Options("engine-a"), TimeProvider.System, NullLogger<DrainRunner>.Instance);
        using var timeout = new CancellationTokenSource(harness.RunTimeout);

        var result = await harness.DriveAsync(runner.RunAsync(id, null, timeout.Token), null, timeout.Token);

        Assert.True(result.Succeeded, result.Reason);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        var gone = Assert.Single(attempts, a => a.VmimName == deleted);
        Assert.Equal(AttemptOutcome.Aborted, gone.Outcome);
        Assert.Equal("AbortedExternally", gone.FailureClass);
        Assert.Equal(2, attempts.Count(a => a.Outcome == AttemptOutcome.Succeeded));
    }

    [Fact]
    public async Task RunAsync_CreateHangsPastItsDeadline_CancelledDeferredAndCreatedOnce()
    {
        var cluster = Cluster();
        var hung = 0;
        cluster.BeforeCreate = async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref hung) == 1)
            {
                // A request that never gets an answer: only the create's own deadline ends the wait.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
        };
        var harness = new DrainHarness(database.DataSource, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with { ApiRetryDelay = TimeSpan.FromMilliseconds(100) },
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id, "engine-a");

        Assert.True(result.Succeeded, result.Reason);
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        var journal = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None);
        var deferred = Assert.Single(journal.Select(e => e.ReadEvent()).OfType<AttemptCreateDeferred>());
        Assert.Contains("deadline", deferred.Reason, StringComparison.Ordinal);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
    }

    [Fact]
    public async Task RunAsync_RetryWhileAnotherMigrationOfTheVmiRunsUnseenByTheView_StartsNothingBesideIt()
    {
        // The informer has not shown someone else's migration of hot (virt-api, admitting on its own cache, let it in).
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3")
            .AddVmi("hot", "w1", labels: new() { [FakeCluster.NonConvergingLabel] = "yes" })
            .AnnotateVmi("hot", HintAnnotations.DirtyRate, "1Mi") // known (wrongly low): not guarded, so its pre-copy fails
            .AddForeignMigration("evacuation-hot", "hot");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var runner = new DrainRunner(database.DataSource, new HidingView(cluster, m => m.Metadata.Name == "evacuation-hot"), cluster,
            DrainHarness.Options("engine-a"), TimeProvider.System, NullLogger<DrainRunner>.Instance);
        using var timeout = new CancellationTokenSource(harness.RunTimeout);

        // Once the retry read the API server, the other migration ends, and the next retry may go.
        await harness.DriveAsync(runner.RunAsync(id, null, timeout.Token), () =>
        {
            if (cluster.FreshReads > 0 && cluster.Current.Migrations.Any(m => m.Metadata.Name == "evacuation-hot" && m.Status!.Phase == "Running"))
            {
                cluster.FinishForeign("evacuation-hot");
            }

            return Task.CompletedTask;
        }, timeout.Token);

        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        // The callback ends the other migration on its next turn, so a second retry may still find it running.
        var held = attempts.Where(a => a.Outcome == AttemptOutcome.NotCreated).ToList();
        Assert.NotEmpty(held);
        Assert.Equal(2, held[0].Attempt);
        Assert.All(held, a =>
        {
            Assert.Equal("Infrastructure", a.FailureClass);
            Assert.Contains("evacuation-hot", a.FailureReason, StringComparison.Ordinal);
            Assert.DoesNotContain(a.VmimName, cluster.CreatesByName.Keys);
        });
        Assert.Contains(attempts, a => a.Attempt > 2 && a.Outcome == AttemptOutcome.Succeeded);
    }

    [Fact]
    public async Task RunAsync_TimersFasterThanElapsedTime_NewOwnerStillWaitsTheServerBoundInRealTime()
    {
        var cluster = Cluster();
        var crashed = false;
        cluster.BeforeCreate = (_, _) =>
        {
            if (crashed)
            {
                return Task.CompletedTask;
            }

            crashed = true;
            throw new SimulatedCrashException();
        };
        DateTimeOffset? readAt = null;
        cluster.BeforeFreshGet = () => readAt ??= TimeProvider.System.GetUtcNow();
        // Timers 20 times early, as under drainctl's cluster-time knob at speed 20: the API server's bound on an old
        // owner's create is real time all the same.
        var harness = new DrainHarness(database.DataSource, cluster) { Time = new FastTimersClock(20) };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(id, "engine-a"));
        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT acquired_at FROM leases WHERE name = @name AND holder = 'engine-b'", connection);
        command.Parameters.AddWithValue("name", "drain/" + id.ToString("D"));
        var acquired = new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync())!, DateTimeKind.Utc));
        // The lease's quarter (0.5 s) rounded up to whole seconds: 1 s, less the acquiring request's round trip.
        var bound = TimeSpan.FromSeconds(1);
        Assert.True(readAt is { } at && at - acquired >= bound * 0.8, $"read the API server {(readAt - acquired)?.TotalMilliseconds:F0} ms after the take-over, before the bound of {bound}");
    }
}
