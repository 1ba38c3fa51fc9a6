using DrainOrchestrator.Persistence.Database;
using Microsoft.Extensions.Hosting;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// A replica's background pass, run every interval until the host stops: the supervisors and the schedule ticker. A
/// pass that fails is reported (<see cref="PassFailed"/>) and the next one runs as usual.
/// </summary>
internal abstract class PeriodicPass(TimeSpan interval, TimeProvider timeProvider) : BackgroundService
{
    protected TimeProvider Time { get; } = timeProvider;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PassAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    PassFailed(DatabaseErrors.Describe(ex));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One pass.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    /// <summary>Reports a failed pass (its error described for an operator).</summary>
    protected abstract void PassFailed(string reason);
}
