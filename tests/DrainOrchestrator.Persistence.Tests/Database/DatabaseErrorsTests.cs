using System.Net;
using System.Net.Sockets;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Database;

public sealed class DatabaseErrorsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Theory]
    [InlineData("08000")] // connection_exception
    [InlineData("08001")] // sqlclient_unable_to_establish_sqlconnection
    [InlineData("08006")] // connection_failure
    [InlineData("57P01")] // admin_shutdown
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now
    [InlineData("53300")] // too_many_connections
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    public void IsTransient_RestartOrContentionSqlState_True(string sqlState) =>
        Assert.True(DatabaseErrors.IsTransient(new PostgresException("message", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("23505")] // unique_violation
    [InlineData("23503")] // foreign_key_violation
    [InlineData("23514")] // check_violation
    [InlineData("42601")] // syntax_error
    [InlineData("42P01")] // undefined_table
    [InlineData("42501")] // insufficient_privilege
    [InlineData("57014")] // query_canceled
    [InlineData("53100")] // disk_full: an operator must act
    [InlineData("28P01")] // invalid_password
    public void IsTransient_PermanentSqlState_False(string sqlState) =>
        Assert.False(DatabaseErrors.IsTransient(new PostgresException("message", "ERROR", "ERROR", sqlState)));

    [Theory]
    [InlineData("53100")] // disk_full
    [InlineData("53200")] // out_of_memory
    [InlineData("58030")] // io_error
    [InlineData("25006")] // read_only_sql_transaction
    public void IsServerUnfit_ServerThatCannotTakeWrites_True(string sqlState) =>
        Assert.True(DatabaseErrors.IsServerUnfit(new InvalidOperationException("wrapped", new PostgresException("message", "ERROR", "ERROR", sqlState))));

    [Theory]
    [InlineData("23505")] // unique_violation: a bug of ours, not the server's state
    [InlineData("42P01")] // undefined_table
    [InlineData("53300")] // too_many_connections: transient, ridden out instead
    [InlineData("57P01")] // admin_shutdown: transient
    public void IsServerUnfit_OtherSqlState_False(string sqlState) =>
        Assert.False(DatabaseErrors.IsServerUnfit(new PostgresException("message", "ERROR", "ERROR", sqlState)));

    [Fact]
    public async Task IsServerUnfit_WriteToAReadOnlyServer_True()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var readOnly = new NpgsqlCommand("SET default_transaction_read_only = on", connection))
        {
            await readOnly.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("CREATE TABLE read_only_probe (x int)", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        await using (var reset = new NpgsqlCommand("RESET default_transaction_read_only", connection))
        {
            await reset.ExecuteNonQueryAsync();
        }

        Assert.True(DatabaseErrors.IsServerUnfit(error), error.SqlState);
        Assert.False(DatabaseErrors.IsTransient(error));
    }

    [Fact]
    public void IsTransient_NpgsqlTransportErrors_True()
    {
        Assert.True(DatabaseErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(DatabaseErrors.IsTransient(new NpgsqlException("Exception while writing to stream", new IOException("reset"))));
        Assert.True(DatabaseErrors.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseErrors.IsTransient(new NpgsqlException("Timeout", new TimeoutException())));
    }

    [Fact]
    public void IsTransient_NotADatabaseOutage_False()
    {
        Assert.False(DatabaseErrors.IsTransient(null));
        Assert.False(DatabaseErrors.IsTransient(new NpgsqlException("bad", new InvalidOperationException())));
        Assert.False(DatabaseErrors.IsTransient(new NpgsqlException("cancelled", new OperationCanceledException())));
        Assert.False(DatabaseErrors.IsTransient(new OperationCanceledException()));
        Assert.False(DatabaseErrors.IsTransient(new LeaseLostException("lost")));
        // Another client's transport error, and a wrapper around a database error that its thrower already judged.
        Assert.False(DatabaseErrors.IsTransient(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(DatabaseErrors.IsTransient(new InvalidOperationException("gave up", new NpgsqlException("x", new IOException()))));
    }

    [Fact]
    public async Task IsTransient_RealConnectionRefused_True()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var nowhere = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = port,
            Pooling = false,
        }.ConnectionString);

        var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await nowhere.OpenConnectionAsync());

        Assert.True(DatabaseErrors.IsTransient(ex), ex.ToString());
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), DatabaseErrors.Describe(ex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsTransient_RealSessionTerminatedByServer_True()
    {
        await using var victim = await database.DataSource.OpenConnectionAsync();
        await using (var pid = new NpgsqlCommand("SELECT pg_backend_pid()", victim))
        {
            var backend = (int)(await pid.ExecuteScalarAsync())!;
            await using var admin = await database.DataSource.OpenConnectionAsync();
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({backend}, 10000)", admin);
            await terminate.ExecuteScalarAsync();
        }

        await using var after = new NpgsqlCommand("SELECT 1", victim);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => after.ExecuteScalarAsync());

        Assert.True(DatabaseErrors.IsTransient(ex), ex.ToString());
    }

    [Fact]
    public async Task IsTransient_RealConstraintViolationAndSyntaxError_False()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE once (v int PRIMARY KEY); INSERT INTO once VALUES (1)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var duplicate = new NpgsqlCommand("INSERT INTO once VALUES (1)", connection);
        var violation = await Assert.ThrowsAsync<PostgresException>(() => duplicate.ExecuteNonQueryAsync());
        await using var typo = new NpgsqlCommand("SELEC 1", connection);
        var syntax = await Assert.ThrowsAsync<PostgresException>(() => typo.ExecuteNonQueryAsync());

        Assert.False(DatabaseErrors.IsTransient(violation));
        Assert.False(DatabaseErrors.IsTransient(syntax));
        Assert.StartsWith("23505: ", DatabaseErrors.Describe(violation), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_WrappedCause_OuterAndInnermostMessage() =>
        Assert.Equal("Failed to connect to 127.0.0.1:1: Connection refused",
            DatabaseErrors.Describe(new NpgsqlException("Failed to connect to 127.0.0.1:1", new IOException("Connection refused."))));
}
