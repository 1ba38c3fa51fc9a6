using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Waves;

public sealed class WaveStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly ManualTimeProvider _clock = new();

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
}
