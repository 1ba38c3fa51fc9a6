using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// The PostgreSQL the engine journals to during the bench, on the benches' server (<see cref="TestPostgres"/>:
/// <c>DRAIN_TEST_DB</c>, or else a private one). The schema is migrated once into a template; every run gets a fresh
/// copy (<see cref="NewDatabaseAsync"/>), so no drain of an earlier run is active on the same nodes, dropped when the run
/// disposes it.
/// </summary>
internal sealed class EngineDatabase : IAsyncDisposable
{
    private readonly TestPostgres _server;
    private readonly string _template;
    private int _created;

    private EngineDatabase(TestPostgres server, string template) => (_server, _template) = (server, template);

    public static async Task<EngineDatabase> StartAsync(CancellationToken cancellationToken)
    {
        var server = await TestPostgres.StartAsync("drain-scheduling-bench", cancellationToken);
        try
        {
            var template = "scheduling_bench_" + Guid.NewGuid().ToString("N")[..12];
            await server.CreateDatabaseAsync(template, null, cancellationToken);
            await using (var source = NpgsqlDataSource.Create(server.ConnectionStringFor(template)))
            {
                await new SchemaMigrator(source, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
                    .MigrateAsync(MigrationSet.Embedded(), cancellationToken);
            }

            NpgsqlConnection.ClearAllPools();
            return new EngineDatabase(server, template);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh database with the real schema, copied from the template; dropped on dispose.</summary>
    public async Task<RunDatabase> NewDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = _template + "_" + Interlocked.Increment(ref _created);
        await _server.CreateDatabaseAsync(name, _template, cancellationToken);
        var source = NpgsqlDataSource.Create(_server.ConnectionStringFor(name));
        return new RunDatabase(source, async () =>
        {
            await source.DisposeAsync();
            await _server.DropDatabaseAsync(name, CancellationToken.None);
        });
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await _server.DropDatabaseAsync(_template, CancellationToken.None);
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One run's database: its data source, and the drop of the database when the run is over.</summary>
internal sealed class RunDatabase(NpgsqlDataSource dataSource, Func<Task> drop) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public async ValueTask DisposeAsync() => await drop();
}
