using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Time;

/// <summary>
/// Moves the cluster model along with its clock: every <paramref name="interval"/> of wall time it advances the model to
/// the clock's current (model) time, running every timer and physics step due on the way. A failure of one advance is
/// reported and the next one tried, so a model bug shows up in the diagnostics instead of freezing time.
/// </summary>
internal sealed class ModelClockDriver(SimulatedCluster cluster, TimeProvider clock, TimeSpan interval, BridgeDiagnostics diagnostics)
{
    /// <summary>Advances the model until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    cluster.AdvanceTo(clock.GetUtcNow());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    diagnostics.Record("advancing model time", e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }
}
