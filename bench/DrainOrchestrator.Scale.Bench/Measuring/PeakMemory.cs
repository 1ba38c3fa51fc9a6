using System.Diagnostics;

namespace DrainOrchestrator.Scale.Bench.Measuring;

/// <summary>
/// The process's peak working set and managed heap while a piece of work runs, sampled every few milliseconds on a
/// thread of its own (a peak between two samples can be missed; the GC's own peak per collection is read as well).
/// </summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakWorkingSet;
    private long _peakHeap;

    private PeakMemory()
    {
        BaselineWorkingSet = Environment.WorkingSet;
        _sampler = Task.Factory.StartNew(Sample, TaskCreationOptions.LongRunning);
    }

    /// <summary>The working set when measuring began, after a full collection.</summary>
    public long BaselineWorkingSet { get; }

    /// <summary>The highest working set seen, in bytes.</summary>
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>The largest managed heap seen, in bytes.</summary>
    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public static PeakMemory Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new PeakMemory();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        Observe();
        _stop.Dispose();
    }

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            Observe();
            _stop.Token.WaitHandle.WaitOne(5);
        }
    }

    private void Observe()
    {
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var heap = Math.Max(GC.GetTotalMemory(false), GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
        if (workingSet > Interlocked.Read(ref _peakWorkingSet))
        {
            Interlocked.Exchange(ref _peakWorkingSet, workingSet);
        }

        if (heap > Interlocked.Read(ref _peakHeap))
        {
            Interlocked.Exchange(ref _peakHeap, heap);
        }
    }
}
