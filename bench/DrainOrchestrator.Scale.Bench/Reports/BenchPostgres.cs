using DrainOrchestrator.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>
/// A private PostgreSQL database for the report measurement: a fresh database on the server <c>DRAIN_TEST_DB</c>
/// names, or else on a private server started from the machine's binaries in a temporary directory (as root it runs as
/// the postgres user), stopped and deleted on dispose.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;
    private readonly string? _directory;
    private readonly string _adminConnection;

    private BenchPostgres(EmbeddedPostgres? embedded, string? directory, string adminConnection, string database)
    {
        _embedded = embedded;
        _directory = directory;
        _adminConnection = adminConnection;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
    }

    public string Database { get; }

    public string ConnectionString { get; }

    /// <summary>Which server held the database, for the results.</summary>
    public string Describe() => _embedded is null ? "the server DRAIN_TEST_DB names" : "a private PostgreSQL server from the machine's binaries";

    public static async Task<BenchPostgres> StartAsync(CancellationToken cancellationToken)
    {
        var database = "scale_bench_" + Guid.NewGuid().ToString("N")[..12];
        var external = Environment.GetEnvironmentVariable("DRAIN_TEST_DB");
        EmbeddedPostgres? embedded = null;
        string? directory = null;
        string admin;
        if (!string.IsNullOrWhiteSpace(external))
        {
            admin = external;
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), "drain-scale-bench-" + Environment.ProcessId);
            ReachableDirectory.Create(directory);
            embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory, "postgres"), Database = "postgres" },
                TimeProvider.System, NullLogger.Instance, cancellationToken);
            admin = embedded.ConnectionStringFor("postgres");
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new BenchPostgres(embedded, directory, admin, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            if (_embedded is not null)
            {
                await _embedded.StopAsync(CancellationToken.None);
            }

            if (_directory is not null)
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
