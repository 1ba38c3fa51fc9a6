using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using Npgsql;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>Opens the database for a command, runs it, and turns known failures into clear messages and exit codes.</summary>
internal static class DatabaseAction
{
    public static async Task<int> RunAsync(string? dbOption, string? passwordFile, bool migrate, bool verbose, TextWriter error,
        Func<DrainDatabase, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        DatabaseOptions options;
        try
        {
            options = DatabaseOptions.FromCommandLine(dbOption, migrate ? true : null, passwordFile: passwordFile);
            if (!migrate)
            {
                options.MigrateOnOpen = false;
            }
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        using var loggerFactory = CliLogging.Create(verbose);
        try
        {
            await using var database = await DrainDatabase.OpenAsync(options, DrainctlClock.Current, loggerFactory, cancellationToken);
            return await action(database, cancellationToken);
        }
        catch (SchemaMigrationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (EmbeddedPostgresException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}{(ex.IsTransient ? " (this may succeed if tried again)" : string.Empty)}");
            return ExitCodes.Failed;
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync($"error: the database refused or could not be reached: {ex.Message}{(ex.IsTransient ? " (this may succeed if tried again)" : string.Empty)}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted");
            return ExitCodes.Cancelled;
        }
    }
}
