using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Persistence.Database;

/// <summary>
/// The open database of one process: a data source on the given server or on the private embedded one, with the
/// schema brought up to date unless that was switched off. Disposing stops an embedded server this process started.
/// </summary>
public sealed class DrainDatabase : IAsyncDisposable
{
    private DrainDatabase(NpgsqlDataSource dataSource, EmbeddedPostgres? embedded, MigrationResult? migration)
    {
        DataSource = dataSource;
        Embedded = embedded;
        Migration = migration;
    }

    /// <summary>Connections to the application database.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The private server, when no connection string was given.</summary>
    public EmbeddedPostgres? Embedded { get; }

    /// <summary>What the migration at open did, when it ran.</summary>
    public MigrationResult? Migration { get; }

    /// <summary>Where the data lives, without credentials, for messages.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(DataSource.ConnectionString);
        var where = $"{builder.Host}:{builder.Port}/{builder.Database}";
        return Embedded is null ? where : $"{where} (private server, data in {Embedded.DataDirectory})";
    }

    /// <summary>Opens the database the options name, starting the embedded server when needed.</summary>
    public static async Task<DrainDatabase> OpenAsync(DatabaseOptions options, TimeProvider timeProvider,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        var logger = loggerFactory.CreateLogger<DrainDatabase>();
        foreach (var warning in options.Warnings)
        {
            logger.DatabaseOptionWarning(warning);
        }

        EmbeddedPostgres? embedded = null;
        var connectionString = options.ConnectionString;
        var ownerConnectionString = options.OwnerConnectionString;
        if (connectionString is null)
        {
            // The private server: migrations as the schema owner, everything else as the application role.
            embedded = await EmbeddedPostgres.StartAsync(options.Embedded, timeProvider,
                loggerFactory.CreateLogger<EmbeddedPostgres>(), cancellationToken);
            connectionString = embedded.ApplicationConnectionString;
            ownerConnectionString = embedded.OwnerConnectionString;
        }

        var dataSource = ApplicationDataSource(connectionString, loggerFactory);
        try
        {
            MigrationResult? migration = null;
            if (options.MigrateOnOpen)
            {
                await using var owner = ownerConnectionString is null
                    ? null
                    : new NpgsqlDataSourceBuilder(ownerConnectionString).UseLoggerFactory(loggerFactory).Build();
                var migrator = new SchemaMigrator(owner ?? dataSource, timeProvider, loggerFactory.CreateLogger<SchemaMigrator>());
                migration = await migrator.MigrateAsync(MigrationSet.Embedded(), cancellationToken);
            }

            return new DrainDatabase(dataSource, embedded, migration);
        }
        catch
        {
            await dataSource.DisposeAsync();
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }

            throw;
        }
    }

    // No reset on close: a pooled connection goes back without Npgsql's DISCARD ALL (a statement per connection use,
    // 23 per migration in the orchestration bench), because no code on this data source leaves session state behind.
    // Every transaction ends (Npgsql rolls back one left open when the connection closes, reset or not); the advisory
    // locks taken here are transaction-scoped (the journal's order, the cluster budget), except the schema migrator's
    // session lock, which it releases in a finally on the same connection; nothing runs SET (nor SET ROLE), LISTEN,
    // PREPARE, or creates temporary tables. A connection broken mid-statement is discarded by the pool, not reused.
    // Anything that adds session state on this data source must reset it itself before it returns the connection.
    private static NpgsqlDataSource ApplicationDataSource(string connectionString, ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggerFactory);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (Embedded is not null)
        {
            await Embedded.DisposeAsync();
        }
    }
}
