using DrainOrchestrator.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace DrainOrchestrator.Testing;

/// <summary>
/// A fresh database for one test class, its schema applied by the real migrator from the checked-in
/// <c>migrations-sql/</c>. Use as <c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _name;

    /// <summary>The database's name.</summary>
    public string DatabaseName => _name ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Connections to the database.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _name = await TestPostgresServer.CreateDatabaseAsync("test", CancellationToken.None);
        ConnectionString = await TestPostgresServer.ConnectionStringForAsync(_name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        var migrator = new SchemaMigrator(DataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(MigrationSet.FromDirectory(RepositoryPaths.MigrationsSql), CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_name is not null)
        {
            await TestPostgresServer.DropDatabaseAsync(_name, CancellationToken.None);
        }
    }
}
