using Dapper;
using DrainOrchestrator.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Schema;

public sealed class SchemaInvariantTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EventJournal_Update_RejectedByDatabase()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var seq = await AppendEventAsync(connection);

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("UPDATE event_journal SET kind = 'rewritten' WHERE seq = @seq", new { seq }));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        Assert.Equal("observed", await connection.ExecuteScalarAsync<string>("SELECT kind FROM event_journal WHERE seq = @seq", new { seq }));
    }

    [Fact]
    public async Task EventJournal_Delete_RejectedByDatabase()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var seq = await AppendEventAsync(connection);

        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("DELETE FROM event_journal WHERE seq = @seq", new { seq }));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM event_journal WHERE seq = @seq", new { seq }));
    }

    [Fact]
    public async Task EventJournal_Truncate_RejectedByDatabase()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await AppendEventAsync(connection);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("TRUNCATE event_journal"));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainNodes_SecondActiveDrainForSameNode_RejectedUntilFirstReleases()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var first = await CreateDrainAsync(connection, "prod");
        var second = await CreateDrainAsync(connection, "prod");
        await AddNodeAsync(connection, first, "prod", "worker-1");

        var ex = await Assert.ThrowsAsync<PostgresException>(() => AddNodeAsync(connection, second, "prod", "worker-1"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        Assert.Equal("drain_nodes_one_active_drain_per_node", ex.ConstraintName);
        await connection.ExecuteAsync(
            "UPDATE drain_nodes SET released_at = @At, state = 'released' WHERE drain_id = @first", new { At, first });
        await AddNodeAsync(connection, second, "prod", "worker-1");
    }

    [Fact]
    public async Task DrainNodes_SameNodeNameInAnotherCluster_Allowed()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var a = await CreateDrainAsync(connection, "cluster-a");
        var b = await CreateDrainAsync(connection, "cluster-b");

        await AddNodeAsync(connection, a, "cluster-a", "worker-9");
        await AddNodeAsync(connection, b, "cluster-b", "worker-9");
    }

    [Fact]
    public async Task MigrationAttempts_DuplicateVmimName_Rejected()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var drain = await CreateDrainAsync(connection, "prod");
        await connection.ExecuteAsync(
            "INSERT INTO waves (drain_id, wave_number, mode, planned_size, cluster_limit, planned_at) VALUES (@drain, 1, 'rolling', 2, 5, @At)",
            new { drain, At });
        await InsertAttemptAsync(connection, drain, "uid-1", "drain-x-vm1-1");

        var ex = await Assert.ThrowsAsync<PostgresException>(() => InsertAttemptAsync(connection, drain, "uid-2", "drain-x-vm1-1"));

        Assert.Equal("migration_attempts_vmim_name_unique", ex.ConstraintName);
    }

    [Fact]
    public async Task MigrationAttempts_InvalidKubernetesName_Rejected()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var drain = await CreateDrainAsync(connection, "prod");
        await connection.ExecuteAsync(
            "INSERT INTO waves (drain_id, wave_number, mode, planned_size, cluster_limit, planned_at) VALUES (@drain, 1, 'barrier', 1, 5, @At)",
            new { drain, At });

        var ex = await Assert.ThrowsAsync<PostgresException>(() => InsertAttemptAsync(connection, drain, "uid-3", "Not_A_Name"));

        Assert.Equal("migration_attempts_vmim_name_valid", ex.ConstraintName);
    }

    [Fact]
    public async Task Waves_LargerThanClusterLimit_Rejected()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var drain = await CreateDrainAsync(connection, "prod");

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "INSERT INTO waves (drain_id, wave_number, mode, planned_size, cluster_limit, planned_at) VALUES (@drain, 1, 'rolling', 6, 5, @At)",
            new { drain, At }));

        Assert.Equal("waves_size_within_limit", ex.ConstraintName);
    }

    private static async Task<long> AppendEventAsync(NpgsqlConnection connection) =>
        await connection.ExecuteScalarAsync<long>(
            "INSERT INTO event_journal (occurred_at, kind, actor, payload) VALUES (@At, 'observed', 'test', '{}') RETURNING seq",
            new { At });

    private static async Task<Guid> CreateDrainAsync(NpgsqlConnection connection, string cluster)
    {
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(
            "INSERT INTO drains (id, name, cluster, state, created_at) VALUES (@id, @name, @cluster, 'running', @At)",
            new { id, name = $"drain-{id:N}", cluster, At });
        return id;
    }

    private static Task<int> AddNodeAsync(NpgsqlConnection connection, Guid drain, string cluster, string node) =>
        connection.ExecuteAsync(
            "INSERT INTO drain_nodes (drain_id, cluster, node_name, added_at) VALUES (@drain, @cluster, @node, @At)",
            new { drain, cluster, node, At });

    private static Task<int> InsertAttemptAsync(NpgsqlConnection connection, Guid drain, string vmiUid, string vmimName) =>
        connection.ExecuteAsync(
            """
            INSERT INTO migration_attempts (drain_id, wave_number, attempt, vmi_namespace, vmi_name, vmi_uid, source_node, vmim_name, intended_at)
            VALUES (@drain, 1, 1, 'default', 'vm1', @vmiUid, 'worker-1', @vmimName, @At)
            """,
            new { drain, vmiUid, vmimName, At });
}
