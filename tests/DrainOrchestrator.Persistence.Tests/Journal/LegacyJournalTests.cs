using Dapper;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Tests.Journal.Events;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Journal;

/// <summary>A journal written before the catalogue reads back typed, through PostgreSQL's own jsonb (keys reordered, spaces added).</summary>
public sealed class LegacyJournalTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task ReadAsync_RowsOfEveryKindAsJournaledBefore_ReadAsTheirEvents()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock);
        var legacy = LegacyPayloads.All().ToList();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            foreach (var (kind, json, _) in legacy)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO event_journal (drain_id, occurred_at, kind, actor, payload) VALUES (@id, now(), @kind, 'old-engine', @json::jsonb)",
                    new { id = drain.Id, kind, json });
            }

            await connection.ExecuteAsync(
                "INSERT INTO event_journal (drain_id, occurred_at, kind, actor, payload) VALUES (@id, now(), 'retired.kind', 'old-engine', '{}')",
                new { id = drain.Id });
        }

        var entries = await new JournalStore(database.DataSource, _clock).ReadAsync(drain.Id, CancellationToken.None);

        Assert.Equal(legacy.Count + 1, entries.Count);
        for (var i = 0; i < legacy.Count; i++)
        {
            var read = entries[i].ReadEvent();
            Assert.IsType(legacy[i].Expected.GetType(), read);
            Assert.Equivalent(legacy[i].Expected, read, strict: true);
        }

        Assert.Equal("retired.kind", Assert.IsType<Persistence.Journal.Events.UnknownEvent>(entries[^1].ReadEvent()).Kind);
    }
}
