using System.CommandLine;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>Opens the command's front door (embedded or remote), runs the command, and turns known failures into clear messages and exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="action"/>; <paramref name="refusedLine"/> is printed after bad-input problems (e.g. "Nothing was started.").</summary>
    public static async Task<int> RunAsync(ParseResult parse, FrontDoorOptions options, TextWriter error,
        Func<IDrainFrontDoor, CancellationToken, Task<int>> action, CancellationToken cancellationToken, string? refusedLine = null)
    {
        try
        {
            if (options.Remote(parse) is { } remote)
            {
                await using var door = new RemoteFrontDoor(remote);
                return await action(door, cancellationToken);
            }

            var verbose = parse.GetValue(options.Verbose);
            // Migrated on open unless DRAIN_DB_MIGRATE says otherwise (README: a schema its owner applies apart).
            var database = DatabaseOptions.FromCommandLine(parse.GetValue(options.Database), null,
                passwordFile: parse.GetValue(options.DatabasePasswordFile));
            using var loggerFactory = CliLogging.Create(verbose);
            await using var opened = await DrainDatabase.OpenAsync(database, DrainctlClock.Current, loggerFactory, cancellationToken);
            await using var embedded = new EmbeddedFrontDoor(opened, options.Cluster(parse), loggerFactory);
            return await action(embedded, cancellationToken);
        }
        catch (Exception ex) when (CliFailure.Of(ex) is { } failure)
        {
            return await failure.WriteAsync(error, refusedLine);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted");
            return ExitCodes.Cancelled;
        }
    }
}
