using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Metrics;

/// <summary>Drains by state, counted every few seconds from the database so a scrape never waits for a query.</summary>
internal sealed class DrainCounts(DrainApplication application, TimeProvider timeProvider, ILogger<DrainCounts> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private const int MaxPages = 20;
    private volatile IReadOnlyDictionary<DrainStatus, long> _current = Enum.GetValues<DrainStatus>().ToDictionary(s => s, _ => 0L);

    public IReadOnlyDictionary<DrainStatus, long> Current => _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            do
            {
                try
                {
                    _current = await CountAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ServerLog.SupervisorFailed(logger, "counting drains: " + DatabaseErrors.Describe(ex));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<IReadOnlyDictionary<DrainStatus, long>> CountAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<DrainStatus>().ToDictionary(s => s, _ => 0L);
        foreach (var drain in await application.UnfinishedAsync(cancellationToken))
        {
            counts[drain.State]++;
        }

        // Finished drains a page at a time (bounded: the gauge says "at least" beyond MaxPages pages).
        foreach (var state in new[] { DrainStatus.Succeeded, DrainStatus.Failed, DrainStatus.Cancelled })
        {
            string? after = null;
            for (var page = 0; page < MaxPages; page++)
            {
                var result = await application.ListAsync(new DrainListQuery(state, Limit: 500, After: after), cancellationToken);
                counts[state] += result.Items.Count;
                if ((after = result.Next) is null)
                {
                    break;
                }
            }
        }

        return counts;
    }
}
