using System.Runtime.InteropServices;

namespace DrainOrchestrator.Scale.Bench.Measuring;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). On a loaded machine wall-clock time includes
/// waiting for a core; CPU time does not, so the two together tell the code's cost apart from the machine's load.
/// NaN where the clock is not available.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The thread's CPU time in milliseconds.</summary>
    public static double Milliseconds() => IsAvailable && TryRead(out var ms) ? ms : double.NaN;

    private static bool TryRead(out double milliseconds)
    {
        if (NativeMethods.clock_gettime(ThreadCpuTimeId, out var time) != 0)
        {
            milliseconds = double.NaN;
            return false;
        }

        milliseconds = (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "libc name")]
        internal static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
