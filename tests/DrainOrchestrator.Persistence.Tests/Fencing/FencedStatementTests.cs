using Dapper;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Fencing;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Fencing;

public sealed class FencedStatementTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new();

    private async Task<(Guid DrainId, Lease Lease)> DrainWithLeaseAsync()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "worker-1");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new WaveStore(database.DataSource, _clock).RecordPlanAsync(transaction, drain.Id, "rolling", 5, [new PlannedWaveRow(1, 2)],
                CancellationToken.None);
            await transaction.CommitAsync();
        }

        var lease = await new LeaseStore(database.DataSource).TryAcquireAsync("drain/" + drain.Id, "engine-a", Ttl, CancellationToken.None);
        return (drain.Id, lease!);
    }

    private static NewAttempt Attempt(Guid drainId, string name) =>
        new(drainId, 1, 1, "ns", "vm-" + name, "uid-" + name, "worker-1", "worker-2", name, PostCopy: false);

    private async Task<FencedResult> ExecuteAsync(Lease lease, Guid drainId, IReadOnlyList<JournalEvent> events, IReadOnlyList<FencedChange> changes)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await FencedStatement.ExecuteAsync(connection, null, lease, drainId, lease.Holder, _clock.GetUtcNow(), events, changes,
            CancellationToken.None);
    }

    private async Task<IReadOnlyList<string>> KindsAsync(Guid drainId) =>
        [.. (await new JournalStore(database.DataSource, _clock).ReadAsync(drainId, CancellationToken.None)).Select(e => e.Kind)];

    [Fact]
    public async Task ExecuteAsync_LeaseHeld_WritesRowsAndEventsInOrder()
    {
        var (drainId, lease) = await DrainWithLeaseAsync();
        var name = "m-" + Guid.NewGuid().ToString("N")[..12];

        var intended = await ExecuteAsync(lease, drainId, [new AttemptIntended(name, "ns/vm", "worker-1", 1)],
            [AttemptStore.IntendChange(Attempt(drainId, name), _clock.GetUtcNow()), WaveStore.StartChange(drainId, 1, _clock.GetUtcNow())]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var ended = await ExecuteAsync(lease, drainId, [new AttemptCreated(name), new AttemptSucceeded(name)],
            [
                AttemptStore.ObserveChange([(name, new AttemptObservation(AttemptOutcome.Succeeded, VmimUid: "u1", Mode: "PreCopy"))], _clock.GetUtcNow()),
                WaveStore.FinishChange(drainId, [name], _clock.GetUtcNow()),
            ]);

        var record = Assert.Single(await new AttemptStore(database.DataSource, _clock).ListAsync(drainId, CancellationToken.None));
        Assert.Equal(intended.Returned[AttemptStore.IntendPrefix].Single(), record.Id);
        Assert.Equal((AttemptOutcome.Succeeded, "u1", _clock.GetUtcNow()), (record.Outcome, record.VmimUid, record.ConcludedAt));
        var wave = Assert.Single(await new WaveStore(database.DataSource, _clock).ListAsync(drainId, CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow(), wave.FinishedAt);
        Assert.Equal(2, ended.Seqs.Count);
        Assert.True(ended.Seqs[0] < ended.Seqs[1]);
        Assert.Equal(["attempt.intended", "attempt.created", "attempt.succeeded"], (await KindsAsync(drainId)).Where(k => k.StartsWith("attempt.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExecuteAsync_AnAbortStampedBeforeTheClustersStart_FinishesAtTheStart()
    {
        var (drainId, lease) = await DrainWithLeaseAsync();
        var name = "m-" + Guid.NewGuid().ToString("N")[..12];
        var clusterStart = _clock.GetUtcNow() + TimeSpan.FromSeconds(30);
        await ExecuteAsync(lease, drainId, [new AttemptIntended(name, "ns/vm", "worker-1", 1)], [AttemptStore.IntendChange(Attempt(drainId, name), _clock.GetUtcNow())]);
        await ExecuteAsync(lease, drainId, [new AttemptCreated(name)],
            [AttemptStore.ObserveChange([(name, new AttemptObservation(AttemptOutcome.Running, VmimUid: "u1", StartedAt: clusterStart))], _clock.GetUtcNow())]);

        await ExecuteAsync(lease, drainId, [new AttemptAborted(name)],
            [AttemptStore.ObserveChange([(name, new AttemptObservation(AttemptOutcome.Aborted, FailureReason: "cancelled"))], _clock.GetUtcNow())]);

        var record = Assert.Single(await new AttemptStore(database.DataSource, _clock).ListAsync(drainId, CancellationToken.None));
        Assert.Equal((AttemptOutcome.Aborted, clusterStart), (record.Outcome, record.FinishedAt));
    }

    [Fact]
    public async Task ExecuteAsync_LeaseTakenOver_ThrowsAndWritesNothing()
    {
        var (drainId, lease) = await DrainWithLeaseAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // Another holder took the lease over: a new epoch under the same name.
            await connection.ExecuteAsync("UPDATE leases SET holder = 'engine-b', epoch = epoch + 1 WHERE name = @Name", new { lease.Name });
        }

        var name = "m-" + Guid.NewGuid().ToString("N")[..12];
        var before = await KindsAsync(drainId);

        var ex = await Assert.ThrowsAsync<LeaseLostException>(() => ExecuteAsync(lease, drainId, [new AttemptIntended(name, "ns/vm", "worker-1", 1)],
            [AttemptStore.IntendChange(Attempt(drainId, name), _clock.GetUtcNow()), WaveStore.StartChange(drainId, 1, _clock.GetUtcNow())]));

        Assert.Equal(lease.Name, ex.LeaseName);
        Assert.Empty(await new AttemptStore(database.DataSource, _clock).ListAsync(drainId, CancellationToken.None));
        Assert.Null(Assert.Single(await new WaveStore(database.DataSource, _clock).ListAsync(drainId, CancellationToken.None)).StartedAt);
        Assert.Equal(before, await KindsAsync(drainId));
    }

    [Fact]
    public async Task ExecuteAsync_ChangeWithoutFence_Refused()
    {
        var (drainId, lease) = await DrainWithLeaseAsync();
        var unfenced = new FencedChange("UPDATE waves SET started_at = now() WHERE drain_id = @x_drain", "x_",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["x_drain"] = drainId });

        await Assert.ThrowsAsync<ArgumentException>(() => ExecuteAsync(lease, drainId, [new AttemptIntended("m", "ns/vm", "worker-1", 1)], [unfenced]));
    }
}
