using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>
/// What the process spent between two points: CPU time (all threads, the in-process server's included), JIT time,
/// garbage collections and allocation. Other work on a busy machine stretches the wall clock, not the CPU time, so both
/// are reported, with the load average that was current.
/// </summary>
internal readonly record struct ProcessStats(TimeSpan Cpu, TimeSpan Jit, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long Allocated)
{
    public static ProcessStats Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessStats(process.TotalProcessorTime, JitInfo.GetCompilationTime(), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));
    }

    public static string LoadAverage()
    {
        try
        {
            return "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "load n/a";
        }
    }

    /// <summary>Starts a new peak resident set size (Linux: VmHWM is reset by writing 5 to clear_refs); false where unsupported.</summary>
    public static bool ResetPeakResidentSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak resident set size since the last reset (or process start), in bytes; 0 where unknown.</summary>
    public static long PeakResidentSet()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public string Since(ProcessStats start)
        => string.Create(CultureInfo.InvariantCulture,
            $"cpu {(Cpu - start.Cpu).TotalSeconds:F2} s, jit {(Jit - start.Jit).TotalSeconds:F2} s, " +
            $"gc {Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2} (pause {(GcPause - start.GcPause).TotalMilliseconds:F0} ms), " +
            $"allocated {(Allocated - start.Allocated) / 1024.0 / 1024.0:F0} MiB");
}
