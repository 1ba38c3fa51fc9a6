using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// The PostgreSQL the engine journals to during the bench: the server <c>DRAIN_TEST_DB</c> names, or else a private
/// server started from the machine's binaries in a temporary directory (stopped and deleted on dispose). The schema is
/// migrated once into a template; every run gets a fresh copy (<see cref="NewDatabaseAsync"/>), so no drain of an earlier
/// run is active on the same nodes, dropped when the run disposes it.
/// </summary>
internal sealed class EngineDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;
    private readonly string? _directory;
    private readonly string _admin;
    private readonly string _template;
    private int _created;

    private EngineDatabase(EmbeddedPostgres? embedded, string? directory, string admin, string template)
    {
        (_embedded, _directory, _admin, _template) = (embedded, directory, admin, template);
    }

    public static async Task<EngineDatabase> StartAsync(CancellationToken cancellationToken)
    {
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
            directory = Path.Combine(Path.GetTempPath(), "drain-scheduling-bench-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..6]);
            ReachableDirectory.Create(directory);
            embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory, "postgres"), Database = "postgres" },
                TimeProvider.System, NullLogger.Instance, cancellationToken);
            admin = embedded.ConnectionStringFor("postgres");
        }

        var template = "scheduling_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{template}\"", cancellationToken);
        await using (var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = template }.ConnectionString))
        {
            await new SchemaMigrator(source, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync(MigrationSet.Embedded(), cancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
        return new EngineDatabase(embedded, directory, admin, template);
    }

    /// <summary>A fresh database with the real schema, copied from the template; dropped on dispose.</summary>
    public async Task<RunDatabase> NewDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = _template + "_" + Interlocked.Increment(ref _created);
        await ExecuteAsync(_admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"", cancellationToken);
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString);
        return new RunDatabase(source, async () =>
        {
            await source.DisposeAsync();
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        });
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS \"{_template}\" WITH (FORCE)", CancellationToken.None);
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

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // CREATE and DROP DATABASE checkpoint; on a busy machine that outlasts the default 30 s.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>One run's database: its data source, and the drop of the database when the run is over.</summary>
internal sealed class RunDatabase(NpgsqlDataSource dataSource, Func<Task> drop) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public async ValueTask DisposeAsync() => await drop();
}
