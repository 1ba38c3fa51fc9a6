using Dapper;
using DrainOrchestrator.Persistence.Audit;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Migrations;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Embedded;

public sealed class EmbeddedRolesTests : IDisposable
{
    private readonly string _root;

    public EmbeddedRolesTests()
    {
        _root = Path.Combine(TestPostgresServer.TestDataRoot, "roles-" + Guid.NewGuid().ToString("N")[..12]);
        ReachableDirectory.Create(TestPostgresServer.TestDataRoot);
        ReachableDirectory.Create(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task OpenAsync_DatabaseOfAnEarlierVersion_HandedToOwnerChainedAndUsedAsApplicationRole()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(_root, "postgres") };
        Guid drainId;
        // An earlier version: schema up to 0011 created by the superuser, and a drain's records without links.
        await using (var earlier = await EmbeddedPostgres.StartAsync(options, TimeProvider.System, NullLogger.Instance, CancellationToken.None))
        await using (var superuser = NpgsqlDataSource.Create(earlier.ConnectionString))
        {
            var upTo11 = MigrationSet.Create(MigrationSet.Embedded().Scripts.Where(s => s.Version <= 11), "up to 0011");
            await new SchemaMigrator(superuser, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(upTo11, CancellationToken.None);
            // As that version wrote it: today's DrainStore writes columns a later migration added (0015's returns_drain).
            drainId = Guid.NewGuid();
            await using var connection = await superuser.OpenConnectionAsync();
            await connection.ExecuteAsync(
                "INSERT INTO drains (id, name, cluster, state, policy, requested_by, created_at) VALUES (@drainId, 'old-drain', 'c-old', 'pending', '{}'::jsonb, 'test', now())",
                new { drainId });
            await using var transaction = await connection.BeginTransactionAsync();
            var journal = new JournalStore(superuser, TimeProvider.System);
            await journal.AppendAsync(transaction, drainId, new StepCompleted("validate"), "old-engine", 1, CancellationToken.None);
            await journal.AppendAsync(transaction, drainId, new StepCompleted("lock"), "old-engine", 1, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var database = await DrainDatabase.OpenAsync(new DatabaseOptions { Embedded = options }, TimeProvider.System,
            NullLoggerFactory.Instance, CancellationToken.None);
        await using var app = await database.DataSource.OpenConnectionAsync();

        Assert.Equal(("drain_app", false), await app.QuerySingleAsync<(string, bool)>(
            "SELECT current_user::text, rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal("drain_owner", await app.ExecuteScalarAsync<string>("SELECT tableowner FROM pg_tables WHERE tablename = 'event_journal'"));
        Assert.Equal("drain_app", await app.ExecuteScalarAsync<string>("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'hangfire'"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync("DELETE FROM event_journal"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        var chain = ChainKey.OfDrain(drainId);
        var verdict = await new AuditStore(database.DataSource).VerifyAsync(chain, [], CancellationToken.None);
        Assert.Equal((2L, (ChainFinding?)null), (verdict.Records, verdict.Finding));
    }
}
