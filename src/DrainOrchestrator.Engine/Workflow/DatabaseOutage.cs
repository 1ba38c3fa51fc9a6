using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Journal.Events;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Rides out an unreachable database. The drain waits here instead of acting, so nothing new starts (every action is
/// journaled first, and the journal is out of reach); informers keep running. The outage is logged once when it begins
/// and once when it ends; the database is tried again with capped exponential backoff and jitter; before the drain
/// goes on, its lease is confirmed (renewed if still ours, re-taken if it expired untouched) and the reconnection is
/// journaled. Another holder ends the run through <see cref="Persistence.Leases.LeaseLostException"/>; an outage longer
/// than <see cref="DrainEngineOptions.DatabaseOutageTimeout"/> ends it through <see cref="DatabaseOutageException"/>.
/// </summary>
internal sealed class DatabaseOutage(NpgsqlDataSource dataSource, OwnershipLease ownership, FencedWriter writer,
    DrainEngineOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Whether <paramref name="exception"/> is an outage to ride out rather than a failure of the run.</summary>
    public static bool IsOutage(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && DatabaseErrors.IsTransient(exception);

    /// <summary>
    /// The wait before try number <paramref name="attempt"/> (0-based): the initial delay doubled per attempt, capped,
    /// then scaled into [50 %, 100 %] by <paramref name="jitter"/> (0..1) so that engines do not retry in step.
    /// </summary>
    public static TimeSpan Backoff(int attempt, TimeSpan initial, TimeSpan max, double jitter)
    {
        var doubled = initial * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var capped = doubled < max ? doubled : max;
        return capped * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1)));
    }

    /// <summary>
    /// Returns once the database answers again and the lease is confirmed; the caller then reconciles as after a
    /// take-over. Throws <see cref="DatabaseOutageException"/> when the outage outlasts the timeout.
    /// </summary>
    public async Task RideOutAsync(Exception failure, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow();
        var retakes = ownership.Retakes;
        var reason = DatabaseErrors.Describe(failure);
        for (var attempt = 0; ; attempt++)
        {
            // Pooled connections to a server that went away are dead: drop them so the next try opens a new one.
            dataSource.Clear();
            var elapsed = time.GetUtcNow() - since;
            var remaining = options.DatabaseOutageTimeout - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                EngineLog.DatabaseGaveUp(logger, Seconds(elapsed), reason);
                throw new DatabaseOutageException(Explain(elapsed, reason), failure);
            }

            var delay = Backoff(attempt, options.DatabaseRetryDelay, options.DatabaseRetryMaxDelay, Random.Shared.NextDouble());
            delay = delay < remaining ? delay : remaining;
            if (attempt == 0)
            {
                EngineLog.DatabaseUnavailable(logger, Seconds(delay), reason);
            }
            else
            {
                EngineLog.DatabaseStillUnavailable(logger, Seconds(elapsed), Seconds(delay), reason);
            }

            await Task.Delay(delay, time, cancellationToken);
            try
            {
                await ReconnectAsync(since, retakes, reason, cancellationToken);
                return;
            }
            catch (Exception ex) when (IsOutage(ex, cancellationToken))
            {
                reason = DatabaseErrors.Describe(ex);
            }
        }
    }

    private async Task ReconnectAsync(DateTimeOffset since, int retakesBefore, string reason, CancellationToken cancellationToken)
    {
        // The heartbeat may have re-taken the lease a moment before this confirmation did.
        var retaken = await ownership.ConfirmAsync(cancellationToken) || ownership.Retakes > retakesBefore;
        var lease = ownership.Current;
        var down = Seconds(time.GetUtcNow() - since);
        await writer.WriteAsync(new DatabaseReconnected(down, retaken ? LeaseConfirmation.Retaken : LeaseConfirmation.Held, lease.Epoch, reason),
            null, cancellationToken);
        EngineLog.DatabaseAvailable(logger, down, lease.Name,
            retaken ? "had expired and nobody took it: re-taken" : "still held", lease.Epoch);
    }

    private string Explain(TimeSpan elapsed, string reason) =>
        $"the database was unreachable for {Seconds(elapsed)}s, longer than the outage timeout of {Seconds(options.DatabaseOutageTimeout)}s "
        + $"(last error: {reason}). The drain is intact: every step is journaled and nothing was started without its record; "
        + "migrations already started go on in the cluster and are adopted later. Run the same command again to resume it.";

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);
}
