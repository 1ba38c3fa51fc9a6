using Npgsql;

namespace DrainOrchestrator.Testing;

/// <summary>An empty database on the test server for one test, dropped on dispose.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>Its connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Connections to it.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates an empty database.</summary>
    public static async Task<ScratchDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var name = await TestPostgresServer.CreateDatabaseAsync("scratch", cancellationToken);
        return new ScratchDatabase(name, await TestPostgresServer.ConnectionStringForAsync(name));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestPostgresServer.DropDatabaseAsync(Name, CancellationToken.None);
    }
}
