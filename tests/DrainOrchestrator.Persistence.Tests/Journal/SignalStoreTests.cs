using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Journal;

public sealed class SignalStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

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
        var journal = await new JournalStore(database.DataSource, _clock).ReadAsync(drain.Id, CancellationToken.None);
        Assert.Equal(["signal.pause", "signal.resume", "signal.cancel"], journal.Select(e => e.Kind));
        Assert.Equal(
            [new PauseSignalled(DrainState.Pending, DrainState.Paused), new ResumeSignalled(DrainState.Paused, DrainState.Running),
                new CancelSignalled(DrainState.Running, DrainState.Cancelling)],
            journal.Select(e => e.ReadEvent()));
        Assert.Equal("""{"to": "paused", "from": "pending", "signal": "pause"}""", journal[0].PayloadJson);
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
        Assert.Equal(DrainState.Succeeded, result.PreviousState);
        Assert.Equal("the drain is already succeeded", result.Message);
    }

    [Fact]
    public async Task SendAsync_UnknownDrain_Refused()
    {
        var result = await Store().SendAsync(Guid.NewGuid(), DrainSignal.Pause, "op", CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Null(result.PreviousState);
    }
}
