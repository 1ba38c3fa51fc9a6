using System.Net;
using System.Net.Sockets;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace DrainOrchestrator.Testing;

/// <summary>
/// A private PostgreSQL server that tests may stop and start again on the same port, with one database whose schema
/// the real migrator applied. Unlike <see cref="TestPostgresServer"/> it belongs to one test class (use as
/// <c>IClassFixture&lt;RestartablePostgresServer&gt;</c>): stopping it must not break anyone else.
/// </summary>
public sealed class RestartablePostgresServer : IAsyncLifetime
{
    private const string DatabaseName = "drain_restartable";
    private readonly string _root = Path.Combine(TestPostgresServer.TestDataRoot, "restartable-" + Guid.NewGuid().ToString("N")[..12]);
    private volatile EmbeddedPostgres? _server;
    private readonly TextLogger _log = new();
    private EmbeddedPostgresOptions _options = new();

    /// <summary>The loopback port, the same across restarts.</summary>
    public int Port { get; private set; }

    /// <summary>Whether the server is up.</summary>
    public bool IsRunning => _server is not null;

    /// <summary>Connections to the database; they fail while the server is stopped and work again after a start.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ReachableDirectory.Create(TestPostgresServer.TestDataRoot);
        ReachableDirectory.Create(_root);
        _options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(_root, "postgres"),
            Port = PickPort(),
            Database = DatabaseName,
        };
        await StartAsync(CancellationToken.None);
        Port = _server!.Port;
        _options.Port = Port;
        ConnectionString = _server.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        var migrator = new SchemaMigrator(DataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(MigrationSet.FromDirectory(RepositoryPaths.MigrationsSql), CancellationToken.None);
    }

    /// <summary>Stops the server (fast shutdown: sessions are terminated, as in a restart by an operator).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        await _server.StopAsync(cancellationToken);
        if (File.Exists(Path.Combine(_options.DataDirectory!, "postmaster.pid")))
        {
            throw new InvalidOperationException($"The test PostgreSQL in {_options.DataDirectory} did not stop:{Environment.NewLine}{_log.Text}");
        }

        // Pooled connections to the stopped server are dead; the launcher's own next connection must not get one.
        using (var admin = new NpgsqlConnection(_server.ConnectionStringFor("postgres")))
        {
            NpgsqlConnection.ClearPool(admin);
        }

        _server = null;
    }

    /// <summary>Starts the server again, on the same port and with the same data.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            return;
        }

        var server = await EmbeddedPostgres.StartAsync(_options, TimeProvider.System, _log, cancellationToken);
        if (_options.Port != 0 && server.Port != _options.Port)
        {
            await server.StopAsync(CancellationToken.None);
            throw new InvalidOperationException($"The test PostgreSQL came back on port {server.Port}, not {_options.Port}: the port was taken meanwhile.");
        }

        _server = server;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        await StopAsync(CancellationToken.None);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the directory is under /tmp.
        }
    }

    // Below the kernel's ephemeral range (32768 and up on Linux), so that no outgoing connection borrows the port while
    // the server is down.
    private static int PickPort()
    {
        for (var tries = 0; tries < 200; tries++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        return 0;
    }
}
