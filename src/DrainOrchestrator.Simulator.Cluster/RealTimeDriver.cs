namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Drives a <see cref="SimulatedCluster"/> in real time: every <paramref name="interval"/> of the
/// <paramref name="timeProvider"/>'s time, the model advances to the provider's current time. Create the cluster with
/// <see cref="SimulationOptions.StartTime"/> set to the provider's time.
/// </summary>
public sealed class RealTimeDriver(SimulatedCluster cluster, TimeProvider timeProvider, TimeSpan interval)
{
    /// <summary>Advances the model until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(timeProvider);
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                cluster.AdvanceTo(timeProvider.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }
}
