using DrainOrchestrator.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Bench.Harness.Runs;

/// <summary>
/// The PostgreSQL server a bench keeps its databases on: the one <c>DRAIN_TEST_DB</c> names (an admin connection
/// string), or else a private server started from the machine's binaries in a temporary directory (as root it runs as
/// the postgres OS user), stopped and deleted on dispose. The scheduling bench and the scale bench create and drop
/// their databases on it; the orchestration bench, which counts statements, has its own (<see cref="BenchDatabase"/>).
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;
    private readonly string? _directory;

    private TestPostgres(EmbeddedPostgres? embedded, string? directory, string adminConnectionString)
    {
        (_embedded, _directory, AdminConnectionString) = (embedded, directory, adminConnectionString);
    }

    /// <summary>A connection string to the server's <c>postgres</c> database (or DRAIN_TEST_DB's), allowed to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Which server it is, for the results.</summary>
    public string Describe() => _embedded is null ? "the server DRAIN_TEST_DB names" : "a private PostgreSQL server from the machine's binaries";

    /// <summary>Uses DRAIN_TEST_DB, or starts a private server in a new temporary directory named after <paramref name="purpose"/>.</summary>
    public static async Task<TestPostgres> StartAsync(string purpose, CancellationToken cancellationToken)
    {
        var external = Environment.GetEnvironmentVariable("DRAIN_TEST_DB");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new TestPostgres(null, null, external);
        }

        var directory = Path.Combine(Path.GetTempPath(), purpose + "-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..6]);
        ReachableDirectory.Create(directory);
        try
        {
            var embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory, "postgres"), Database = "postgres" },
                TimeProvider.System, NullLogger.Instance, cancellationToken);
            return new TestPostgres(embedded, directory, embedded.ConnectionStringFor("postgres"));
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>The connection string of database <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates database <paramref name="database"/>, empty or as a copy of <paramref name="template"/>.</summary>
    public Task CreateDatabaseAsync(string database, string? template, CancellationToken cancellationToken) =>
        ExecuteAsync(template is null ? $"CREATE DATABASE \"{database}\"" : $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"", cancellationToken);

    /// <summary>Drops database <paramref name="database"/> if it is there, closing its connections.</summary>
    public Task DropDatabaseAsync(string database, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_embedded is not null)
        {
            await _embedded.StopAsync(CancellationToken.None);
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        // CREATE and DROP DATABASE checkpoint; on a busy machine that outlasts the default 30 s.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
