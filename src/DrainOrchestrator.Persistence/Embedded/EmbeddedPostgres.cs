using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Persistence.Embedded;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries, on a loopback port, with its data in a directory
/// of ours. A server left running by a killed run is reused with its data; one this process started is stopped on
/// dispose.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The superuser the private server is initialised with.</summary>
    public const string SuperUser = "drain";

    private readonly EmbeddedLayout _layout;
    private readonly PostgresBinaries _binaries;
    private readonly string? _runAs;
    private readonly EmbeddedPostgresOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _password;
    private bool _stopped;

    private EmbeddedPostgres(EmbeddedLayout layout, PostgresBinaries binaries, string? runAs, string password,
        int port, bool ownsServer, EmbeddedPostgresOptions options, TimeProvider time, ILogger logger)
    {
        _layout = layout;
        _binaries = binaries;
        _runAs = runAs;
        _password = password;
        Port = port;
        OwnsServer = ownsServer;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The data directory (PGDATA).</summary>
    public string DataDirectory => _layout.DataDirectory;

    /// <summary>True when this process started the server (or took it over from a dead owner) and will stop it.</summary>
    public bool OwnsServer { get; }

    /// <summary>A connection string for the application database.</summary>
    public string ConnectionString => ConnectionStringFor(_options.Database);

    /// <summary>A connection string for any database on this server, as the superuser.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Starts (or reuses) the private server and makes sure the application database exists.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, TimeProvider timeProvider,
        ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var runAs = UnixUser.IsRoot ? options.RootRunAsUser : null;
        var layout = new EmbeddedLayout(options.DataDirectory ?? DataDirectoryDefaults.ForCurrentUser());

        using var timeout = new CancellationTokenSource(options.StartTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            EmbeddedPostgres server;
            await using (await StartLock.AcquireAsync(layout.LockFile, timeProvider, linked.Token))
            {
                var password = await DataDirectoryInitializer.EnsureAsync(layout, binaries, runAs, logger, linked.Token);
                server = await StartOrAdoptAsync(layout, binaries, runAs, password, options, timeProvider, logger, linked.Token);
            }

            await server.EnsureDatabaseAsync(linked.Token);
            await server.EnsureRolesAsync(linked.Token);
            return server;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new EmbeddedPostgresException(
                $"The private PostgreSQL in {layout.DataDirectory} was not ready within {options.StartTimeout.TotalSeconds:0} s. See {layout.ServerLog}.")
            { IsTransient = true };
        }
    }

    /// <summary>Stops the server if this process owns it. Safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped || !OwnsServer)
        {
            _stopped = true;
            return;
        }

        _stopped = true;
        await using (await StartLock.AcquireAsync(_layout.LockFile, _time, cancellationToken))
        {
            var result = await OsCommand.RunAsync(_binaries.Program("pg_ctl"),
                ["-D", _layout.DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], _runAs, cancellationToken);
            if (result.Succeeded)
            {
                _layout.DeleteOwner();
                _logger.ServerStopped(Port);
            }
            else
            {
                _logger.ServerStopFailed(Port, result.Output);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_options.StopOnDispose)
        {
            await StopAsync(CancellationToken.None);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(_options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it a moment ago.
            }
        }
    }
}
