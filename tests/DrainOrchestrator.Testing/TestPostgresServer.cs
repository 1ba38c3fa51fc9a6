using DrainOrchestrator.Persistence.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Testing;

/// <summary>
/// The one PostgreSQL server of a test run: the server <c>DRAIN_TEST_DB</c> names (a connection string whose user
/// may create databases), or else a private server started from the machine's binaries in a temporary directory and
/// stopped when the test process exits.
/// </summary>
public static class TestPostgresServer
{
    /// <summary>The environment variable that points the tests at an existing server.</summary>
    public const string ExternalServerVariable = "DRAIN_TEST_DB";

    /// <summary>Where private test servers keep their data; each run gets its own sub-directory.</summary>
    public const string TestDataRoot = "/tmp/drain-orchestrator-tests";

    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);
    private static EmbeddedPostgres? _embedded;

    /// <summary>A connection string to the server's maintenance database, able to create databases.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnection.Value;

    /// <summary>A connection string for another database on the same server.</summary>
    public static async Task<string> ConnectionStringForAsync(string database) =>
        new NpgsqlConnectionStringBuilder(await GetAdminConnectionStringAsync()) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(await GetAdminConnectionStringAsync());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return name;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await GetAdminConnectionStringAsync());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        var runDirectory = Path.Combine(TestDataRoot, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]);
        ReachableDirectory.Create(TestDataRoot);
        ReachableDirectory.Create(runDirectory);
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(runDirectory, "postgres"),
            Database = "postgres",
        };
        _embedded = await EmbeddedPostgres.StartAsync(options, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndClean(runDirectory);
        return _embedded.ConnectionStringFor("postgres");
    }

    private static void StopAndClean(string runDirectory)
    {
        try
        {
            _embedded?.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(runDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at exit; the directory is under /tmp.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
