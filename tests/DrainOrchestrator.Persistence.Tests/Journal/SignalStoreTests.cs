using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Journal;

public sealed class SignalStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly ManualTimeProvider _clock = new();

    private SignalStore Store()
    {
        var journal = new JournalStore(database.DataSource, _clock);
        return new SignalStore(database.DataSource, new DrainStateStore(database.DataSource, _clock), journal);
    }

    [Fact]
    public async Task SendAsync_PauseResumeCancel_MovesStateAndJournalsEach()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);

        var paused = await Store().SendAsync(drain.Id, DrainSignal.Pause, "op", CancellationToken.None);
        var resumed = await Store().SendAsync(drain.Id, DrainSignal.Resume, "op", CancellationToken.None);
        var cancelled = await Store().SendAsync(drain.Id, DrainSignal.Cancel, "op", CancellationToken.None);

        Assert.Equal(DrainState.Paused, paused.NewState);
        Assert.Equal(DrainState.Running, resumed.NewState);
        Assert.Equal(DrainState.Cancelling, cancelled.NewState);
        var kinds = (await new JournalStore(database.DataSource, _clock).ReadAsync(drain.Id, null, CancellationToken.None))
            .Select(e => e.Kind);
        Assert.Equal(["signal.pause", "signal.resume", "signal.cancel"], kinds);
    }

    [Fact]
    public async Task SendAsync_FinishedDrain_Refused()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var states = new DrainStateStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await states.SetStateAsync(transaction, drain.Id, DrainState.Succeeded, "done", CancellationToken.None));
            await transaction.CommitAsync();
        }

        var result = await Store().SendAsync(drain.Id, DrainSignal.Cancel, "op", CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Contains("already succeeded", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UnknownDrain_Refused()
    {
        var result = await Store().SendAsync(Guid.NewGuid(), DrainSignal.Pause, "op", CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Null(result.PreviousState);
    }
}
