namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>Samples the managed heap size every few milliseconds and keeps the peak.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public MemorySampler() => _loop = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    });

    public long Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        return Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
    }

    public void Dispose() => _stop.Dispose();
}
