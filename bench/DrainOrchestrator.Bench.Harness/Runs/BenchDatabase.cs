using DrainOrchestrator.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Bench.Harness.Runs;

/// <summary>
/// The bench's own PostgreSQL: the product's embedded launcher on a data directory of the bench's (as root the server
/// runs as the postgres OS user), restarted once with <c>pg_stat_statements</c> preloaded so every statement the
/// engine runs is counted. Each run gets a fresh database.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresOptions _options;
    private readonly EmbeddedPostgres _server;

    private BenchDatabase(EmbeddedPostgresOptions options, EmbeddedPostgres server, bool statementsTracked)
    {
        _options = options;
        _server = server;
        StatementsTracked = statementsTracked;
    }

    /// <summary>Whether pg_stat_statements is loaded; otherwise only transactions are counted (pg_stat_database).</summary>
    public bool StatementsTracked { get; }

    public static async Task<BenchDatabase> StartAsync(string directory, CancellationToken cancellationToken)
    {
        ReachableDirectory.Create(directory);
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(directory, "postgres"),
            Database = "postgres",
        };
        var server = await EmbeddedPostgres.StartAsync(options, TimeProvider.System, NullLogger.Instance, cancellationToken);
        try
        {
            return await TrackStatementsAsync(server, options, cancellationToken);
        }
        catch
        {
            await server.StopAsync(CancellationToken.None);
            throw;
        }
    }

    private static async Task<BenchDatabase> TrackStatementsAsync(EmbeddedPostgres server, EmbeddedPostgresOptions options,
        CancellationToken cancellationToken)
    {
        // Preloading a library that is not installed would keep the server from starting: ask the server first.
        var tracked = await ScalarAsync(server.ConnectionStringFor("postgres"),
            "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_stat_statements'", cancellationToken) > 0;
        if (tracked)
        {
            await ExecuteAsync(server.ConnectionStringFor("postgres"), cancellationToken,
                "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
            await server.StopAsync(cancellationToken);
            server = await EmbeddedPostgres.StartAsync(options, TimeProvider.System, NullLogger.Instance, cancellationToken);
            await ExecuteAsync(server.ConnectionStringFor("postgres"), cancellationToken, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }

        return new BenchDatabase(options, server, tracked);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await ExecuteAsync(_server.ConnectionStringFor("postgres"), cancellationToken, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)",
            $"CREATE DATABASE \"{name}\"");
        return _server.ConnectionStringFor(name);
    }

    /// <summary>Forgets every statement counted so far (all databases).</summary>
    public async Task ResetStatementsAsync(CancellationToken cancellationToken)
    {
        if (StatementsTracked)
        {
            await ExecuteAsync(_server.ConnectionStringFor("postgres"), cancellationToken, "SELECT pg_stat_statements_reset()");
        }
    }

    /// <summary>Committed and rolled-back transactions of <paramref name="database"/> so far.</summary>
    public async Task<long> TransactionsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(xact_commit + xact_rollback), 0)::bigint FROM pg_stat_database WHERE datname = $1", connection);
        command.Parameters.AddWithValue(database);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every statement run in <paramref name="database"/> since the last reset, with its number of calls.</summary>
    public async Task<IReadOnlyList<StatementCount>> StatementsAsync(string database, CancellationToken cancellationToken)
    {
        if (!StatementsTracked)
        {
            return [];
        }

        await using var connection = new NpgsqlConnection(_server.ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT query, calls, total_exec_time, rows FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
            ORDER BY calls DESC, query
            """, connection);
        command.Parameters.AddWithValue(database);
        var result = new List<StatementCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StatementCount(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3)));
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None);
        try
        {
            Directory.Delete(_options.DataDirectory!, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: it is under the bench's temporary folder.
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, CancellationToken cancellationToken, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>One normalised statement of pg_stat_statements.</summary>
public sealed record StatementCount(string Query, long Calls, double TotalMilliseconds, long Rows);
