using System.CommandLine;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Cli.Clock;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Persistence.Migrations;
using Npgsql;

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
            var database = DatabaseOptions.FromCommandLine(parse.GetValue(options.Database), true,
                passwordFile: parse.GetValue(options.DatabasePasswordFile));
            using var loggerFactory = CliLogging.Create(verbose);
            await using var opened = await DrainDatabase.OpenAsync(database, DrainctlClock.Current, loggerFactory, cancellationToken);
            await using var embedded = new EmbeddedFrontDoor(opened, options.Cluster(parse), loggerFactory);
            return await action(embedded, cancellationToken);
        }
        catch (InvalidRequestException ex)
        {
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }

            if (refusedLine is not null)
            {
                await error.WriteLineAsync(refusedLine);
            }

            return ExitCodes.BadInput;
        }
        catch (DrainNotFoundException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (ClusterUnavailableException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}{Retry(ex.IsRetryable)}");
            return ex.IsConfiguration ? ExitCodes.BadInput : ExitCodes.Failed;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (RemoteApiException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}{Retry(ex.IsRetryable)}");
            return ex.Status is 401 or 403 ? ExitCodes.BadInput : ExitCodes.Failed;
        }
        catch (ServerCertificateException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: the server could not be reached: {ex.Message}{Retry(true)}");
            return ExitCodes.Failed;
        }
        catch (SchemaMigrationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (EmbeddedPostgresException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}{Retry(ex.IsTransient)}");
            return ExitCodes.Failed;
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync($"error: the database refused or could not be reached: {ex.Message}{Retry(ex.IsTransient)}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted");
            return ExitCodes.Cancelled;
        }
    }

    private static string Retry(bool retryable) => retryable ? " (this may succeed if tried again)" : string.Empty;
}
