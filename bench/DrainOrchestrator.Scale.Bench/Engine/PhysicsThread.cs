using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// The simulated cluster's clock: a thread of its own that ticks it every millisecond, and knows its own CPU time and
/// allocations, so the bench can leave them out of the engine's.
/// </summary>
internal sealed class PhysicsThread : IDisposable
{
    private readonly SimulatedCluster _cluster;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private double _cpuMs;
    private long _allocated;

    public PhysicsThread(SimulatedCluster cluster)
    {
        _cluster = cluster;
        _thread = new Thread(Run) { IsBackground = true, Name = "simulated-cluster" };
        _thread.Start();
    }

    /// <summary>CPU milliseconds and bytes allocated by the thread so far (as of its last tick).</summary>
    public (double CpuMs, long Allocated) Used => (Volatile.Read(ref _cpuMs), Volatile.Read(ref _allocated));

    private void Run()
    {
        var cpuAtStart = ThreadCpuClock.Milliseconds();
        while (!_stop.Wait(1))
        {
            _cluster.Tick();
            Volatile.Write(ref _cpuMs, ThreadCpuClock.Milliseconds() - cpuAtStart);
            Volatile.Write(ref _allocated, GC.GetAllocatedBytesForCurrentThread());
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
