using Dapper;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Audit;

/// <summary>The application role (migrations-sql/0013_database_roles.sql) appends to the journal and cannot change it.</summary>
public sealed class ApplicationRoleTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ApplicationRole_AppendsThroughJournalStoreAndReads()
    {
        var scene = await LedgerScene.CreateAsync(database.DataSource);
        await using var connection = await OpenAsApplicationRoleAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var seq = await new JournalStore(database.DataSource, TimeProvider.System)
            .AppendAsync(transaction, scene.DrainId, new StepCompleted("verify"), "engine-a", 7, CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal(seq, await connection.ExecuteScalarAsync<long>("SELECT last_seq FROM journal_heads WHERE scope_id = @id", new { id = scene.DrainId }));
        Assert.Null((await scene.VerifyAsync()).Finding);
    }

    [Theory]
    [InlineData("UPDATE event_journal SET payload = '{}' WHERE drain_id = @id")]
    [InlineData("DELETE FROM event_journal WHERE drain_id = @id")]
    [InlineData("TRUNCATE event_journal")]
    [InlineData("ALTER TABLE event_journal DISABLE TRIGGER event_journal_no_update_or_delete")]
    [InlineData("UPDATE journal_heads SET last_position = 1 WHERE scope_id = @id")]
    [InlineData("DELETE FROM journal_anchors WHERE scope_id = @id")]
    [InlineData("INSERT INTO journal_anchors (scope, scope_id, seq, position, hash, reason, recorded_at) VALUES ('drain', @id, 1, 1, sha256(''::bytea), 'forged', now())")]
    public async Task ApplicationRole_ChangeOfTheRecord_Refused(string sql)
    {
        var scene = await LedgerScene.CreateAsync(database.DataSource);
        await using var connection = await OpenAsApplicationRoleAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql, new { id = scene.DrainId }));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Null((await scene.VerifyAsync()).Finding);
    }

    [Fact]
    public async Task ApplicationRole_IsNoSuperuserAndWritesWorkingTables()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, TimeProvider.System);
        await using var connection = await OpenAsApplicationRoleAsync();

        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE drains SET outcome_reason = 'checked' WHERE id = @id", new { drain.Id }));
    }

    // The test server's superuser takes the role for the session: privileges are checked as drain_app's.
    private async Task<NpgsqlConnection> OpenAsApplicationRoleAsync()
    {
        var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SET ROLE drain_app");
        return connection;
    }
}
