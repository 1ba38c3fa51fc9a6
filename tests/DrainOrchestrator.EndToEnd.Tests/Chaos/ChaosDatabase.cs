using DrainOrchestrator.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// A fresh database for one run, its schema applied by the real migrator, on whichever server the fault kind uses;
/// dropped on dispose. One per run, so that every run's drain is the only one its database holds.
/// </summary>
internal sealed class ChaosDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private ChaosDatabase(string adminConnectionString, string name, string connectionString)
    {
        (_adminConnectionString, Name, ConnectionString) = (adminConnectionString, name, connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the database through <paramref name="adminConnectionString"/> (a user that may create databases).</summary>
    public static async Task<ChaosDatabase> CreateAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var name = $"chaos_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(dataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(MigrationSet.FromDirectory(RepositoryPaths.MigrationsSql), cancellationToken);
        return new ChaosDatabase(adminConnectionString, name, connectionString);
    }

    /// <summary>New connections to the database (a fresh pool: the server may have restarted since the last one).</summary>
    public NpgsqlDataSource OpenDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Best effort: the server is private to the test run and goes with it.
        }
    }
}
