using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Journal;

public sealed class JournalStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task AppendAsync_Committed_ReadBackInOrder()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync(transaction, drain.Id, "step.completed", "engine-a", 3, """{"step":"validate"}""", CancellationToken.None);
            await store.AppendAsync(transaction, drain.Id, "step.completed", "engine-a", 3, """{"step":"lock"}""", CancellationToken.None);
            await transaction.CommitAsync();
        }

        var entries = await store.ReadAsync(drain.Id, null, CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Seq < entries[1].Seq);
        Assert.Contains("validate", entries[0].PayloadJson, StringComparison.Ordinal);
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
            await store.AppendAsync(transaction, drain.Id, "attempt.intended", "engine-a", 1, "{}", CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Empty(await store.ReadAsync(drain.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task Journal_UpdateOfAnEvent_Refused()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync(transaction, drain.Id, "x", "engine-a", null, "{}", CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var update = new NpgsqlCommand("UPDATE event_journal SET kind = 'y'", connection);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task ReadWhereAsync_PayloadFieldAmongValues_OnlyThoseInOrder()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var store = new JournalStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var (kind, disposition) in new[] { ("plan.item", "Migrate"), ("plan.item", "Skip"), ("other", "Skip"), ("plan.item", "Block") })
            {
                await store.AppendAsync(transaction, drain.Id, kind, "engine-a", 1, $$"""{"disposition":"{{disposition}}"}""", CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        var entries = await store.ReadWhereAsync(drain.Id, "plan.item", "disposition", ["Skip", "Block"], CancellationToken.None);

        Assert.Equal(["Skip", "Block"], entries.Select(e => e.PayloadJson.Contains("Skip", StringComparison.Ordinal) ? "Skip" : "Block"));
        Assert.True(entries[0].Seq < entries[1].Seq);
        Assert.All(entries, e => Assert.Equal("plan.item", e.Kind));
    }
}
