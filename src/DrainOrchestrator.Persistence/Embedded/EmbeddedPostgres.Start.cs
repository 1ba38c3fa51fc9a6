using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Persistence.Embedded;

public sealed partial class EmbeddedPostgres
{
    private const int MaxStartAttempts = 6;
    private static readonly TimeSpan AttemptBackoff = TimeSpan.FromMilliseconds(500);

    private static async Task<EmbeddedPostgres> StartOrAdoptAsync(EmbeddedLayout layout, PostgresBinaries binaries,
        string? runAs, string password, EmbeddedPostgresOptions options, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        var running = PostmasterPidFile.Read(layout.DataDirectory);
        if (running is { IsProcessAlive: true })
        {
            var ready = await WaitUntilReadyAsync(layout, time, cancellationToken);
            var owner = layout.ReadOwner();
            // An owner in this very process is alive too: another instance here started the server and stops it.
            var ownerAlive = owner is not null && ProcessTable.IsAlive(owner.Value);
            if (!ownerAlive)
            {
                layout.WriteOwner(Environment.ProcessId); // its owner died: we stop it when done
            }

            logger.ServerAdopted(ready.Port, ready.Pid, layout.DataDirectory);
            return new EmbeddedPostgres(layout, binaries, runAs, password, ready.Port, !ownerAlive, options, time, logger);
        }

        var lastFailure = string.Empty;
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            var port = ChoosePort(options.Port, attempt, logger);
            var timeoutSeconds = Math.Max(1, (int)options.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            var result = await OsCommand.RunAsync(binaries.Program("pg_ctl"),
            [
                "-D", layout.DataDirectory, "-l", layout.ServerLog, "-w", "-t", timeoutSeconds,
                "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}", "start",
            ], runAs, cancellationToken);
            if (result.Succeeded)
            {
                layout.WriteOwner(Environment.ProcessId);
                logger.ServerStarted(binaries.BinDirectory, port, layout.DataDirectory);
                return new EmbeddedPostgres(layout, binaries, runAs, password, port, ownsServer: true, options, time, logger);
            }

            // Typical transient causes: the port was taken between choosing and binding, or the backends of a
            // killed server still hold its shared memory for a moment.
            lastFailure = $"{result.Output}{Environment.NewLine}{layout.ReadLogTail()}";
            logger.StartAttemptFailed(attempt, lastFailure);
            await Task.Delay(AttemptBackoff * attempt, time, cancellationToken);
        }

        throw new EmbeddedPostgresException(
            $"The private PostgreSQL in {layout.DataDirectory} did not start after {MaxStartAttempts} attempts. Last failure:{Environment.NewLine}{lastFailure}")
        { IsTransient = true };
    }

    private static int ChoosePort(int preferred, int attempt, ILogger logger)
    {
        if (preferred == 0 || attempt > 1)
        {
            return FreePort.Pick();
        }

        if (FreePort.IsFree(preferred))
        {
            return preferred;
        }

        var other = FreePort.Pick();
        logger.PortTaken(preferred, other);
        return other;
    }

    private static async Task<PostmasterPidFile> WaitUntilReadyAsync(EmbeddedLayout layout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var pidFile = PostmasterPidFile.Read(layout.DataDirectory);
            if (pidFile is { IsReady: true, IsProcessAlive: true })
            {
                return pidFile;
            }

            if (pidFile is null or { IsProcessAlive: false })
            {
                throw new EmbeddedPostgresException(
                    $"The PostgreSQL server of {layout.DataDirectory} stopped while starting. See {layout.ServerLog}:{Environment.NewLine}{layout.ReadLogTail()}")
                { IsTransient = true };
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }
}
