using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Attempts;

public sealed class AttemptStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private async Task<Guid> DrainWithWaveAsync()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "worker-1");
        await InTransactionAsync(t => new WaveStore(database.DataSource, _clock)
            .RecordPlanAsync(t, drain.Id, "rolling", 5, [new PlannedWaveRow(1, 2)], CancellationToken.None));
        return drain.Id;
    }

    private async Task InTransactionAsync(Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }

    private static NewAttempt Attempt(Guid drainId, string name, int number = 1) =>
        new(drainId, 1, number, "ns", "vm-a", "uid-" + name, "worker-1", "worker-2", name, PostCopy: false);

    [Fact]
    public async Task Lifecycle_IntendedCreatedSucceeded_RecordsEverything()
    {
        var drainId = await DrainWithWaveAsync();
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await InTransactionAsync(t => store.InsertIntendedAsync(t, Attempt(drainId, name), CancellationToken.None));
        await InTransactionAsync(t => store.ObserveAsync(t, name,
            new AttemptObservation(AttemptOutcome.Created, VmimUid: "u1", CreatedAt: _clock.GetUtcNow()), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(30));
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(AttemptOutcome.Succeeded,
            Mode: "PostCopy", BytesTotal: 100, BytesProcessed: 120, PhaseTimestampsJson: """{"Running":"2026-01-01T00:00:05Z"}"""),
            CancellationToken.None));

        var record = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));
        Assert.Equal(AttemptOutcome.Succeeded, record.Outcome);
        Assert.Equal("u1", record.VmimUid);
        Assert.Equal("PostCopy", record.Mode);
        Assert.Equal(120, record.BytesProcessed);
        Assert.Equal(_clock.GetUtcNow(), record.FinishedAt);
        Assert.Contains("Running", record.PhaseTimestampsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObserveAsync_AnAbortStampedByAnEngineClockBehindTheClusters_FinishesNoEarlierThanItStarted()
    {
        var drainId = await DrainWithWaveAsync();
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        var clusterStart = _clock.GetUtcNow() + TimeSpan.FromSeconds(49);
        await InTransactionAsync(t => store.InsertIntendedAsync(t, Attempt(drainId, name), CancellationToken.None));
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(AttemptOutcome.Running, VmimUid: "u1",
            CreatedAt: clusterStart - TimeSpan.FromSeconds(1), StartedAt: clusterStart), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(3));

        // The VMIM is deleted: no cluster finish, so the engine's clock stamps it (46 s before the cluster's start).
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(AttemptOutcome.Aborted, FailureReason: "cancelled"),
            CancellationToken.None));

        var record = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));
        Assert.Equal((AttemptOutcome.Aborted, clusterStart), (record.Outcome, record.FinishedAt));
    }

    [Fact]
    public async Task ObserveAsync_AFinishAfterTheStart_KeptAsObserved()
    {
        var drainId = await DrainWithWaveAsync();
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        var start = _clock.GetUtcNow();
        await InTransactionAsync(t => store.InsertIntendedAsync(t, Attempt(drainId, name), CancellationToken.None));
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(AttemptOutcome.Succeeded, StartedAt: start,
            FinishedAt: start + TimeSpan.FromSeconds(12)), CancellationToken.None));

        Assert.Equal(start + TimeSpan.FromSeconds(12), Assert.Single(await store.ListAsync(drainId, CancellationToken.None)).FinishedAt);
    }

    [Fact]
    public async Task ObserveAsync_FinalRow_NeverReplaced()
    {
        var drainId = await DrainWithWaveAsync();
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await InTransactionAsync(t => store.InsertIntendedAsync(t, Attempt(drainId, name), CancellationToken.None));
        await InTransactionAsync(t => store.ObserveAsync(t, name,
            new AttemptObservation(AttemptOutcome.Failed, FailureClass: "DidNotConverge", FailureReason: "not completed after 150 seconds"),
            CancellationToken.None));
        var changed = true;
        await InTransactionAsync(async t => changed = await store.ObserveAsync(t, name,
            new AttemptObservation(AttemptOutcome.Succeeded), CancellationToken.None));

        Assert.False(changed);
        var record = Assert.Single(await store.ListAsync(drainId, CancellationToken.None));
        Assert.Equal((AttemptOutcome.Failed, "DidNotConverge"), (record.Outcome, record.FailureClass));
    }

    [Fact]
    public async Task InsertIntendedAsync_SameVmimNameTwice_Refused()
    {
        var drainId = await DrainWithWaveAsync();
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await InTransactionAsync(t => store.InsertIntendedAsync(t, Attempt(drainId, name), CancellationToken.None));

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            InTransactionAsync(t => store.InsertIntendedAsync(t, Attempt(drainId, name, 2), CancellationToken.None)));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
    }
}
