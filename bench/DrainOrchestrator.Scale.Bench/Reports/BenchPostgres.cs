using DrainOrchestrator.Bench.Harness.Runs;

namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>
/// A fresh database for the report and engine measurements, on the benches' server (<see cref="TestPostgres"/>:
/// <c>DRAIN_TEST_DB</c>, or else a private one started from the machine's binaries), dropped with the server's private
/// directory on dispose.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly TestPostgres _server;

    private BenchPostgres(TestPostgres server, string database)
    {
        _server = server;
        Database = database;
        ConnectionString = server.ConnectionStringFor(database);
    }

    public string Database { get; }

    public string ConnectionString { get; }

    /// <summary>Which server held the database, for the results.</summary>
    public string Describe() => _server.Describe();

    public static async Task<BenchPostgres> StartAsync(CancellationToken cancellationToken)
    {
        var server = await TestPostgres.StartAsync("drain-scale-bench", cancellationToken);
        try
        {
            var database = "scale_bench_" + Guid.NewGuid().ToString("N")[..12];
            await server.CreateDatabaseAsync(database, null, cancellationToken);
            return new BenchPostgres(server, database);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await _server.DropDatabaseAsync(Database, CancellationToken.None);
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }
}
