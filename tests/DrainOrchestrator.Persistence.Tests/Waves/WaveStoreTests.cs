using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Waves;

public sealed class WaveStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Waves_PlannedTwiceStartedFinished_RecordedOnceWithTimes()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var waves = new WaveStore(database.DataSource, _clock);
        var attempts = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await waves.RecordPlanAsync(transaction, drain.Id, "barrier", 2, [new(1, 2), new(2, 1)], CancellationToken.None);
            await waves.RecordPlanAsync(transaction, drain.Id, "barrier", 2, [new(1, 1)], CancellationToken.None);
            await attempts.InsertIntendedAsync(transaction,
                new NewAttempt(drain.Id, 1, 1, "ns", "vm", "uid", "worker-1", "worker-9", name, false), CancellationToken.None);
            await waves.MarkStartedAsync(transaction, drain.Id, 1, CancellationToken.None);
            await waves.MarkFinishedWhereDoneAsync(transaction, drain.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var unfinished = await waves.ListAsync(drain.Id, CancellationToken.None);
        Assert.Equal([2, 1], unfinished.Select(w => w.PlannedSize));
        Assert.Null(unfinished[0].FinishedAt);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await attempts.ObserveAsync(transaction, name, new AttemptObservation(AttemptOutcome.Succeeded), CancellationToken.None);
            await waves.MarkFinishedWhereDoneAsync(transaction, drain.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var finished = await waves.ListAsync(drain.Id, CancellationToken.None);
        Assert.Equal(_clock.GetUtcNow(), finished[0].FinishedAt);
        Assert.Null(finished[1].StartedAt);
    }

    [Fact]
    public async Task MarkStarted_AttemptAfterTheWaveFinished_ReopensItUntilThatAttemptEnds()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var waves = new WaveStore(database.DataSource, _clock);
        var attempts = new AttemptStore(database.DataSource, _clock);
        var first = "drain-" + Guid.NewGuid().ToString("N")[..12];
        var retry = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await InTransactionAsync(async t =>
        {
            await waves.RecordPlanAsync(t, drain.Id, "rolling", 2, [new(1, 1)], CancellationToken.None);
            await attempts.InsertIntendedAsync(t, new NewAttempt(drain.Id, 1, 1, "ns", "vm", "uid", "worker-1", "worker-9", first, false), CancellationToken.None);
            await waves.MarkStartedAsync(t, drain.Id, 1, CancellationToken.None);
            await attempts.ObserveAsync(t, first, new AttemptObservation(AttemptOutcome.Failed), CancellationToken.None);
            await waves.MarkFinishedWhereDoneAsync(t, drain.Id, CancellationToken.None);
        });
        _clock.Advance(TimeSpan.FromMinutes(1));

        await InTransactionAsync(async t =>
        {
            await attempts.InsertIntendedAsync(t, new NewAttempt(drain.Id, 1, 2, "ns", "vm", "uid", "worker-1", "worker-8", retry, false), CancellationToken.None);
            await waves.MarkStartedAsync(t, drain.Id, 1, CancellationToken.None);
        });
        var reopened = (await waves.ListAsync(drain.Id, CancellationToken.None))[0];
        _clock.Advance(TimeSpan.FromMinutes(1));
        await InTransactionAsync(async t =>
        {
            await attempts.ObserveAsync(t, retry, new AttemptObservation(AttemptOutcome.Succeeded), CancellationToken.None);
            await waves.MarkFinishedWhereDoneAsync(t, drain.Id, CancellationToken.None);
        });

        Assert.Null(reopened.FinishedAt);
        Assert.Equal(_clock.GetUtcNow(), (await waves.ListAsync(drain.Id, CancellationToken.None))[0].FinishedAt);
    }

    private async Task InTransactionAsync(Func<Npgsql.NpgsqlTransaction, Task> work)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }
}
