using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Cli.FrontDoors;
using DrainOrchestrator.Persistence.Database;

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
        catch (Exception ex) when (CliFailure.Of(ex) is { } failure)
        {
            return await failure.WriteAsync(error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted");
            return ExitCodes.Cancelled;
        }
    }
}
