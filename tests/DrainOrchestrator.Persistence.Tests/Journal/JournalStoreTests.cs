using Dapper;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Journal;

public sealed class JournalStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task AppendAsync_Committed_ReadBackInOrder()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync(transaction, drain.Id, new StepCompleted("validate"), "engine-a", 3, CancellationToken.None);
            await store.AppendAsync(transaction, drain.Id, new StepCompleted("lock"), "engine-a", 3, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var entries = await store.ReadAsync(drain.Id, CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Seq < entries[1].Seq);
        Assert.Equal(("step.completed", """{"step": "validate"}"""), (entries[0].Kind, entries[0].PayloadJson));
        Assert.Equal(new StepCompleted("lock"), entries[1].ReadEvent());
        Assert.Equal(3, entries[1].LeaseEpoch);
        Assert.Equal(_clock.GetUtcNow(), entries[0].OccurredAt);
    }

    [Fact]
    public async Task AppendAsync_RolledBack_LeavesNothing()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync(transaction, drain.Id, new AttemptIntended("vmim-1", "ns/vm", "w1", 1), "engine-a", 1, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Empty(await store.ReadAsync(drain.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_EventOutsideTheCatalogue_Refused()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(transaction, drain.Id, new UnknownEvent("x", 1, "{}"),
            "engine-a", null, CancellationToken.None));
    }

    [Fact]
    public async Task Journal_UpdateOfAnEvent_Refused()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync(transaction, drain.Id, new NodeLocked("worker-1"), "engine-a", null, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var update = new NpgsqlCommand("UPDATE event_journal SET kind = 'y'", connection);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task ReadAsyncOfAType_ItsKindsOnly_AFamilyByItsBase()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync(transaction, drain.Id, new DrainStarted("engine-a"), "engine-a", 1, CancellationToken.None);
            await store.AppendAsync(transaction, drain.Id, new AttemptRunning("vmim-1"), "engine-a", 1, CancellationToken.None);
            await store.AppendAsync(transaction, drain.Id, DrainFinished.Of(DrainState.Failed, "stuck", uncordoned: true), "engine-a", 1,
                CancellationToken.None);
            await transaction.CommitAsync();
        }

        var ended = Assert.Single(await store.ReadAsync<DrainFinished>(drain.Id, CancellationToken.None));
        var started = Assert.Single(await store.ReadAsync<DrainStarted>(drain.Id, CancellationToken.None));

        Assert.Equal((DrainState.Failed, "stuck", true), (ended.State, ended.Reason, ended.Uncordoned));
        Assert.Equal("engine-a", started.Holder);
        Assert.Empty(await store.ReadAsync<DrainSucceeded>(drain.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ReadWhereAsync_PayloadFieldAmongValues_OnlyThoseOfTheKindInOrder()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var (name, disposition) in new[] { ("a", "Migrate"), ("b", "Skip"), ("c", "Block") })
            {
                await store.AppendAsync(transaction, drain.Id, Item(name, disposition), "engine-a", 1, CancellationToken.None);
            }

            // Another kind with the same field is not a plan item.
            await connection.ExecuteAsync(
                "INSERT INTO event_journal (drain_id, occurred_at, kind, actor, payload) VALUES (@id, now(), 'other', 'x', '{\"disposition\":\"Skip\"}')",
                new { id = drain.Id }, transaction);
            await transaction.CommitAsync();
        }

        var items = await store.ReadWhereAsync<PlanItem>(drain.Id, PlanItem.DispositionField, ["Skip", "Block"], CancellationToken.None);

        Assert.Equal(["b", "c"], items.Select(i => i.Name));
    }

    private static PlanItem Item(string name, string disposition) =>
        new("uid-" + name, "ns", name, "worker-1", disposition, disposition == "Migrate" ? 1 : 0, "Default", null, 10, "PreCopy");
}
